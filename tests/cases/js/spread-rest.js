// Spread in calls, arrays and objects; rest parameters; arguments object.
function sum(...nums) { return nums.reduce((s, n) => s + n, 0); }
const parts = [1, 2, 3];
console.log(sum(...parts, 4, ...[5, 6]));
console.log(Math.max(...parts, ...new Set([10, 7])));
console.log([..."héllo"].join("|"));
console.log([...new Map([[1, "a"], [2, "b"]]).values()].join(""));

const base = { a: 1, b: { nested: true }, c: 3 };
const merged = { ...base, c: 30, d: 4, ...null, ...undefined, ...["arr"] };
console.log(JSON.stringify(merged));
console.log("shallow: " + (merged.b === base.b));

const withGetter = { get g() { return "computed"; } };
const spreadGetter = { ...withGetter };
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(spreadGetter, "g")));

function legacy() {
  return arguments.length + ":" + Array.prototype.slice.call(arguments).join(",") + ":" + typeof arguments;
}
console.log(legacy("a", "b", "c"));
function sloppyAlias(a) { arguments[0] = "changed"; return a; }
function strictNoAlias(a) { "use strict"; arguments[0] = "changed"; return a; }
console.log(sloppyAlias("orig") + " " + strictNoAlias("orig"));

const arrayLike = { 0: "x", 1: "y", length: 2 };
console.log(Array.from(arrayLike).join("") + " " + Array.prototype.map.call(arrayLike, (s) => s.toUpperCase()).join(""));
try {
  [...arrayLike];
} catch (e) {
  console.log("array-like is not iterable: " + e.name);
}
const big = Array.from({ length: 50000 }, (_, i) => i);
console.log("spread of 50000 into push: " + [].concat(big).length + " max " + Math.max(...big));
