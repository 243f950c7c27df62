// Repeated squaring: the size cap stops it with a catchable error.
// expect: OK
// exit: 1
// config: time=10000 memory=32M
// stderr-contains: RangeError: BigInt is too large
let x = 3n;
for (;;) x = x * x;
