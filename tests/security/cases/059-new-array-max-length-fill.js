// new Array(2**32-1) is legal and sparse; fill() then tries to write four
// billion elements.
// expect: EMEMLIMIT|ETIMEOUT
// config: time=3000 memory=32M
const a = new Array(2 ** 32 - 1);
a.fill(0);
