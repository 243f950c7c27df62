// Array.prototype.fill on a plain object claiming length 2**53-1.
// expect: EMEMLIMIT|ETIMEOUT
// config: time=2000 memory=32M
Array.prototype.fill.call({ length: 2 ** 53 - 1 }, 0);
