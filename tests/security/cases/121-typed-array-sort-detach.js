// Engine memory-safety probes: a sort comparator that shrinks the array,
// typed-array methods over a buffer whose views change under them, and
// DataView at huge offsets.  Whatever QuickJS does must stay inside
// the guest, so the host survives and later runs work.
// expect: OK
// value: "done"
const a = Array.from({ length: 100 }, (_, i) => i);
a.sort((x, y) => { a.length = 0; return y - x; });
const ta = new Float64Array(64).map((_, i) => i);
ta.sort((x, y) => { return y - x; });
const r = [];
try { new DataView(new ArrayBuffer(8)).getFloat64(2 ** 31); } catch (e) { r.push(e.name); }
try { new Uint8Array(new ArrayBuffer(8), 2 ** 32); } catch (e) { r.push(e.name); }
const b = [1, 2, 3];
b.splice(1, 2 ** 32 - 1, ...[4, 5]);
Array.prototype.copyWithin.call({ length: 2 ** 53 - 1, 0: 1 }, 2 ** 53 - 2, 0, 1);
'done'
