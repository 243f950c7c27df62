// Pushing past the largest array index: the engine refuses the length.
// expect: OK
// exit: 1
// stderr-contains: RangeError: invalid array length
const a = [];
a[2 ** 32 - 2] = 1;
a.push(1, 2);
