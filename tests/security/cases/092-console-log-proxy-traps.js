// console.log of a Proxy whose traps loop: inspecting it runs the traps,
// and the time limit ends that.
// expect: ETIMEOUT
// config: time=300
const loop = () => { for (;;) {} };
console.log(new Proxy({}, { get: loop, ownKeys: loop, getOwnPropertyDescriptor: loop, getPrototypeOf: loop }));
