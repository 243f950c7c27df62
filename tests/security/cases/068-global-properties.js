// Filling the global object itself; the next run must still work.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
for (let i = 0; ; i++) globalThis['g' + i] = i;
