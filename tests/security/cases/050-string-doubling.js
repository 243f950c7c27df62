// String doubling, flattened each round so ropes cannot hide the cost.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
// stderr-contains: out of memory
let s = 'x';
for (;;) { s += s; s.indexOf('y'); }
