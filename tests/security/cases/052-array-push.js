// An array that grows until the memory limit; the global keeps it, and the
// sandbox must still run small scripts afterwards.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
// stderr-contains: out of memory
// after: keep.length > 1000000 => true
const keep = [];
for (;;) keep.push(keep.length);
