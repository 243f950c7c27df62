// ArrayBuffer(2**30): addressable, but far past the memory limit.
// expect: EMEMLIMIT
// config: memory=32M
// stderr-contains: out of memory
new ArrayBuffer(2 ** 30);
