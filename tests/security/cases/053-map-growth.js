// A Map of objects growing without bound.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const m = new Map();
for (let i = 0; ; i++) m.set(i, { i });
