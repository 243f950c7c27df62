// Typed arrays: conversions, overflow wrapping, clamping, views over one
// buffer, subarray vs slice, sorting, and ES2023 methods.
const hex = (ta) => Array.from(ta, (b) => b.toString(16).padStart(2, "0")).join(" ");
const u8 = new Uint8Array([1, 255, 256, -1, 3.7, -3.7, NaN]);
console.log("Uint8 " + Array.from(u8).join(","));
const c8 = new Uint8ClampedArray([1, 255, 256, -1, 3.5, 4.5, 2.5, NaN]);
console.log("Clamped " + Array.from(c8).join(","));
const i8 = Int8Array.from([127, 128, -129, 200]);
console.log("Int8 " + i8.join(","));
const i16 = new Int16Array([40000, -40000]);
const u32 = new Uint32Array([-1, 2 ** 32 + 5]);
console.log("Int16 " + i16.join(",") + " Uint32 " + u32.join(","));
const f32 = new Float32Array([0.1, 1e40, -1e-50]);
console.log("Float32 " + Array.from(f32, (x) => String(x)).join(","));
const buf = new ArrayBuffer(8);
const bytes = new Uint8Array(buf);
const words = new Uint16Array(buf);
const floats = new Float64Array(buf);
floats[0] = 1.5;
console.log("1.5 as bytes (LE host) " + hex(bytes) + " words " + words.join(","));
bytes.fill(0);
words[1] = 0xabcd;
console.log("after word write " + hex(bytes));
const sub = bytes.subarray(2, 4), sl = bytes.slice(2, 4);
sub[0] = 1; sl[1] = 2;
console.log("subarray shares: " + hex(bytes) + " | slice copy " + hex(sl) + " offsets " + sub.byteOffset + "," + sl.byteOffset);
const nums = new Float64Array([3, -0, 0, NaN, -Infinity, 10, 2]);
console.log("sorted " + Array.from(nums.sort(), (x) => (Object.is(x, -0) ? "-0" : String(x))).join(","));
const arr = new Int32Array([5, 1, 4, 2, 3]);
console.log("toSorted " + arr.toSorted().join(",") + " original " + arr.join(",") + " toReversed " + arr.toReversed().join(",") + " with " + arr.with(0, 9).join(","));
console.log("findLast " + arr.findLast((x) => x % 2 === 0) + " findLastIndex " + arr.findLastIndex((x) => x > 10) + " at(-1) " + arr.at(-1));
console.log("map keeps type: " + arr.map((x) => x * 1000000000).constructor.name + " " + arr.map((x) => x * 1000000000).join(","));
console.log("set/copyWithin: " + (() => { const t = new Uint8Array(6); t.set([1, 2, 3], 2); t.copyWithin(0, 3); return t.join(","); })());
console.log("BYTES_PER_ELEMENT " + [Int8Array, Int16Array, Int32Array, Float32Array, Float64Array, BigInt64Array].map((T) => T.BYTES_PER_ELEMENT).join(","));
const b64 = new BigInt64Array([-1n, 2n ** 63n]);
const bu64 = new BigUint64Array(b64.buffer);
console.log("BigInt64 " + b64.join(",") + " as unsigned " + bu64.join(","));
try { new Uint8Array(4).set([1, 2, 3], 2); } catch (e) { console.log("set overflow: " + e.name); }
try { new Uint16Array(new ArrayBuffer(3)); } catch (e) { console.log("odd buffer: " + e.name); }
try { new Int32Array(new ArrayBuffer(8), 2); } catch (e) { console.log("misaligned offset: " + e.name); }
console.log("from iterable " + Uint8Array.from(new Set([9, 8, 9])).join(",") + " of " + Int8Array.of(1, -1).join(","));
console.log("ArrayBuffer.isView " + ArrayBuffer.isView(sub) + " " + ArrayBuffer.isView(buf) + " byteLength " + buf.byteLength + " slice " + buf.slice(2, 6).byteLength);
