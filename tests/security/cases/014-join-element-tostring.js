// Array.prototype.join calls each element's toString: one of them loops.
// expect: ETIMEOUT
// config: time=300
[1, 2, { toString() { while (true) {} } }].join(',');
