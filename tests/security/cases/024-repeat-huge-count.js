// String.prototype.repeat with a count whose result cannot fit the limit.
// expect: EMEMLIMIT
// config: time=2000 memory=32M
// stderr-contains: out of memory
'ab'.repeat(2 ** 27);
