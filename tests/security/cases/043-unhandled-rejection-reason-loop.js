// An unhandled rejection whose reason is a Proxy with looping traps: the
// report at the end of the run (instanceof Error, inspect) must still be
// under the time limit.
// expect: ETIMEOUT
// config: time=300
const loop = () => { for (;;) {} };
Promise.reject(new Proxy({}, { getPrototypeOf: loop, get: loop, ownKeys: loop, has: loop }));
1
