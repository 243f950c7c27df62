// SharedArrayBuffer exists but shares nothing: huge sizes are refused, and
// growable ones are not supported.
// expect: OK
// value: ["RangeError","TypeError","ok 8"]
const r = [];
try { new SharedArrayBuffer(2 ** 31); r.push('ok'); } catch (e) { r.push(e.name); }
try { new SharedArrayBuffer(8, { maxByteLength: 2 ** 31 }).grow(2 ** 30); r.push('grew'); } catch (e) { r.push(e.name); }
const s = new SharedArrayBuffer(8);
new Uint8Array(s)[7] = 42;
r.push('ok ' + s.byteLength);
r
