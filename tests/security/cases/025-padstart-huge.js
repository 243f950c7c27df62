// padStart to a length past what the memory limit allows.
// expect: EMEMLIMIT
// config: time=2000 memory=32M
// stderr-contains: out of memory
''.padStart(2 ** 28, 'pad');
