// One object with ever more properties (and ever more atoms).
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const o = {};
for (let i = 0; ; i++) o['p' + i] = i;
