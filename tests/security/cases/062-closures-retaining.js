// Closures that each retain a big array.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const keep = [];
for (;;) {
  const big = new Array(10000).fill(1);
  keep.push(() => big.length);
}
