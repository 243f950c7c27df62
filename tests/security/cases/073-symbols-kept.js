// Symbols with long descriptions, all kept.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const syms = [];
for (;;) syms.push(Symbol('s'.repeat(100) + syms.length));
