// console.log does not run getters: a looping getter is shown as [Getter].
// expect: OK
// stdout-contains: { x: [Getter] }
console.log({ get x() { for (;;) {} } });
