// Many 1 MiB typed arrays, all kept alive.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const bufs = [];
for (;;) bufs.push(new Float64Array(131072).fill(1.5));
