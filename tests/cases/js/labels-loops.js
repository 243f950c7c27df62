// Labelled break/continue, loop forms, switch fallthrough, and per-iteration bindings.
const found = [];
outer: for (let i = 0; i < 5; i++) {
  inner: for (let j = 0; j < 5; j++) {
    if (j > i) continue outer;
    if (i * j === 6) break outer;
    if ((i + j) % 2) continue inner;
    found.push(`${i}${j}`);
  }
}
console.log("pairs " + found.join(" "));
block: {
  console.log("in block");
  if (found.length) break block;
  console.log("skipped");
}
let n = 0;
do { n++; } while (n < 0);
console.log("do-while runs once: " + n);
let w = 10, steps = 0;
while (w > 1) { w = w % 2 ? 3 * w + 1 : w / 2; steps++; }
console.log("collatz(10) steps " + steps);
const obj = { b: 2, a: 1, 10: "ten", 2: "two" };
const forIn = [];
for (const k in obj) forIn.push(k);
const proto = Object.create({ inherited: true });
proto.own = 1;
for (const k in proto) forIn.push(k);
console.log("for-in order " + forIn.join(","));
const arr = ["x", "y"];
arr.extra = "prop";
const inKeys = [], ofVals = [];
for (const k in arr) inKeys.push(k);
for (const v of arr) ofVals.push(v);
console.log("for-in on array " + inKeys.join(",") + " for-of " + ofVals.join(","));
function classify(x) {
  const out = [];
  switch (typeof x) {
    case "number":
      if (Number.isInteger(x)) { out.push("int"); break; }
    case "bigint":
      out.push("numeric");
    case "string":
      out.push("primitive");
      break;
    default:
      out.push("other");
  }
  return out.join("+");
}
console.log([1, 1.5, 2n, "s", {}].map(classify).join(" | "));
switch (3) { default: console.log("default in the middle"); case 1: console.log("falls into case 1"); break; case 2: console.log("no"); }
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
const vfns = [];
for (var v = 0; v < 3; v++) vfns.push(() => v);
console.log("let per iteration " + fns.map((f) => f()).join(",") + " var shared " + vfns.map((f) => f()).join(","));
const closures = [];
for (let i = 0; i < 3; i++) { closures.push(() => i); i++; }
console.log("let copy after body " + closures.map((f) => f()).join(","));
let i2 = 0;
for (;;) { if (++i2 > 4) break; }
console.log("infinite for with break " + i2);
let count = 0;
for (const x of [1, 2, 3]) { for (const y of "ab") { if (y === "b") continue; count += x; } }
console.log("nested for-of " + count);
