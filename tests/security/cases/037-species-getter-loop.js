// Symbol.species getter that loops, reached from Array.prototype.map.
// expect: ETIMEOUT
// config: time=300
class X extends Array { static get [Symbol.species]() { for (;;) {} } }
new X(1, 2, 3).map((x) => x);
