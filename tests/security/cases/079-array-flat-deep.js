// flat(Infinity) over an array nested 100000 deep: recursion in the engine
// ends with a catchable stack overflow.
// expect: OK
// exit: 1
// stderr-contains: stack overflow
let a = [1];
for (let i = 0; i < 100000; i++) a = [a];
a.flat(Infinity);
