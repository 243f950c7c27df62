// A getter that recurses until the stack overflows, catches that, and
// recurses again: exponential work hidden behind a property read.
// expect: ETIMEOUT
// config: time=300
const o = {};
Object.defineProperty(o, 'x', { get() { try { return this.x; } catch (e) { return this.x; } } });
o.x;
