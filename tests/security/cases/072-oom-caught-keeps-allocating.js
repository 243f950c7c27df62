// Catching the out-of-memory error and allocating again in the handler.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
const keep = [];
for (;;) {
  try { keep.push(new Array(100000).fill(1)); }
  catch (e) { keep.push('x'.repeat(1e6) + keep.length); }
}
