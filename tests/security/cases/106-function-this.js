// Every way to reach "the global object" reaches the sandbox's own global,
// nothing more.
// expect: OK
// value: [true,true,true,true,true]
const g1 = Function('return this')();
const g2 = (0, eval)('this');
const g3 = (() => {}).constructor('return this')();
const g4 = (async () => {}).constructor('return this')();
const g5 = [].constructor.constructor('return globalThis')();
[g1, g2, g3, g5].map((g) => g === globalThis).concat([g4 instanceof Promise])
