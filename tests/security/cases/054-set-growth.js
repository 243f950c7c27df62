// A Set of distinct strings growing without bound.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const s = new Set();
for (let i = 0; ; i++) s.add('key-' + i);
