// Distinct 1 KB strings kept in an array.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const parts = [];
for (let i = 0; ; i++) parts.push(i + 'z'.repeat(1024));
