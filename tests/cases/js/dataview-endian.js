// DataView: explicit endianness, mixed-width reads and writes, bounds.
const dv = new DataView(new ArrayBuffer(16));
dv.setUint32(0, 0x12345678);
dv.setUint32(4, 0x12345678, true);
const hex = (n) => Array.from(new Uint8Array(dv.buffer, 0, n), (b) => b.toString(16).padStart(2, "0")).join("");
console.log("BE then LE: " + hex(8));
console.log(dv.getUint16(0).toString(16) + " " + dv.getUint16(0, true).toString(16) + " " + dv.getInt8(0) + " " + dv.getUint8(7));
dv.setInt16(8, -2);
console.log("int16 -2 bytes: " + dv.getUint8(8) + "," + dv.getUint8(9) + " read back " + dv.getInt16(8) + " as LE " + dv.getInt16(8, true));
dv.setFloat32(0, Math.PI);
console.log("float32 pi " + dv.getFloat32(0) + " bytes " + hex(4));
dv.setFloat64(8, -0.1, true);
console.log("float64 LE " + dv.getFloat64(8, true) + " BE misread " + dv.getFloat64(8));
dv.setBigUint64(0, 0x0102030405060708n);
console.log("bigu64 " + hex(8) + " LE read " + dv.getBigUint64(0, true).toString(16) + " signed " + dv.getBigInt64(0));
dv.setBigInt64(0, -1n, true);
console.log("bigi64 -1 as unsigned " + dv.getBigUint64(0));
for (const f of [() => dv.getUint32(13), () => dv.setUint8(16, 1), () => dv.getInt8(-1), () => new DataView(new ArrayBuffer(4), 5)]) {
  try { f(); console.log("no error?!"); } catch (e) { console.log(e.name); }
}
const view = new DataView(new ArrayBuffer(10), 2, 4);
view.setUint8(0, 0xff);
console.log("offset view " + view.byteOffset + "/" + view.byteLength + " " + new Uint8Array(view.buffer).indexOf(0xff));
// a tiny binary record codec
function encode(rec) {
  const name = Array.from(rec.name, (c) => c.charCodeAt(0));
  const d = new DataView(new ArrayBuffer(1 + name.length + 2 + 8));
  let o = 0;
  d.setUint8(o++, name.length);
  name.forEach((c) => d.setUint8(o++, c));
  d.setUint16(o, rec.age, true); o += 2;
  d.setFloat64(o, rec.score, true);
  return d.buffer;
}
function decode(buf) {
  const d = new DataView(buf);
  const n = d.getUint8(0);
  const name = String.fromCharCode(...new Uint8Array(buf, 1, n));
  return { name, age: d.getUint16(1 + n, true), score: d.getFloat64(3 + n, true) };
}
const enc = encode({ name: "Ada", age: 36, score: 99.25 });
console.log(enc.byteLength + " " + JSON.stringify(decode(enc)));
