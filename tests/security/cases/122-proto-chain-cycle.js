// Prototype cycles through Proxies: instanceof and property reads walk
// prototype chains; a chain that never ends must be stopped.
// expect: ETIMEOUT|OK
// config: time=300
// exit: 1
let p;
p = new Proxy({}, { getPrototypeOf() { return p; } });
({}) instanceof (function F() {}) ;
const o = Object.create(p);
(function F() {}).prototype.isPrototypeOf(o);
