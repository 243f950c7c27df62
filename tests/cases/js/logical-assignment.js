// ||=, &&=, ??= (with short-circuit: no assignment, no setter call),
// exponent, comma and other compound operators.
let a = 0, b = 1, c = null;
a ||= 10; b &&= 20; c ??= 30;
console.log(`${a} ${b} ${c}`);
let d = "keep", e = 0, f = undefined;
d ||= "replaced"; e &&= "never"; f ??= "filled";
console.log(`${d} ${e} ${f}`);
const log = [];
const o = {
  _v: "set",
  get v() { log.push("get"); return this._v; },
  set v(x) { log.push("set " + x); this._v = x; },
};
o.v ||= "other";
o.v ??= "other";
o.v &&= "changed";
console.log(log.join(", ") + " -> " + o._v);
const counts = {};
for (const w of ["a", "b", "a"]) { counts[w] ??= 0; counts[w]++; }
console.log(JSON.stringify(counts));
const opts = { depth: 0 };
opts.depth ||= 5;
opts.name ??= "default";
console.log(JSON.stringify(opts));
let x = 2;
x **= 10; console.log("pow " + x);
x %= 1000; x <<= 2; x >>= 1; x >>>= 0; x |= 1; x &= 0xff; x ^= 0b1010;
console.log("bit ops " + x);
let s = "a"; s += "b"; s += 1; s += [2, 3]; console.log("concat " + s);
let n = 5; const r = (n++, n++, n); console.log(`comma ${r} ${n}`);
let y = 1; y -= -1; y *= 3; y /= 4; console.log("arith " + y);
let z = 10; const pre = ++z, post = z++; console.log(`pre ${pre} post ${post} z ${z}`);
try { const k2 = 0; k2 ||= 2; } catch (err) { console.log("const reassign: " + err.name); }
console.log(`chained ${(a = b = 7, a + b)} ${2 ** 3 ** 2} ${(-2) ** 2} ${typeof typeof 1} ${void 0} ${!!"0"} ${+"  12  "} ${-"x"}`);
