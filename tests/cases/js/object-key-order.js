// Property order: integer-like keys ascending, then strings in insertion
// order, then symbols; the same order in keys, JSON, for-in and spread.
const o = { z: 1, 10: "ten", b: 2, 2: "two", "-1": "neg", "01": "zero-one", 1.5: "float", a: 3, 4294967294: "max-index", 4294967295: "not-index" };
o[3] = "three";
o.y = 4;
o[Symbol("s")] = "sym";
console.log("keys     " + Object.keys(o).join(" "));
console.log("json     " + JSON.stringify(o));
const forIn = [];
for (const k in o) forIn.push(k);
console.log("for-in   " + forIn.join(" "));
console.log("spread   " + Object.keys({ ...o }).join(" "));
console.log("ownKeys  " + Reflect.ownKeys(o).map(String).join(" "));
delete o.b;
o.b = "re-added";
console.log("re-added " + Object.keys(o).filter((k) => /^[a-z]$/.test(k)).join(" "));
const arr = ["a", "b"];
arr.prop = "p";
arr[5] = "f";
console.log("array    " + Object.keys(arr).join(" "));
const m = new Map([["z", 1], [10, 2], ["b", 3]]);
console.log("map keeps insertion: " + [...m.keys()].join(" "));
class C { constructor() { this.second = 2; this.first = 1; } }
C.prototype.inherited = 0;
const ci = new C();
ci[0] = "zero";
const forInC = [];
for (const k in ci) forInC.push(k);
console.log("class instance for-in " + forInC.join(" "));
console.log("entries " + JSON.stringify(Object.entries({ b: 1, 1: 2, a: 3 })));
console.log("assign order " + Object.keys(Object.assign({}, { x: 1 }, { 5: 0, w: 2 })).join(" "));
console.log("getOwnPropertyNames " + Object.getOwnPropertyNames(function f(a, b) { "use strict"; }).sort().join(" "));
