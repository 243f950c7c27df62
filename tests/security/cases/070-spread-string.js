// Spreading a 10 MB string into an array.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
[...'y'.repeat(1e7)].length;
