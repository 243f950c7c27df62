// Array.prototype.sort is stable (ES2019), for small and large arrays,
// with comparators returning any sign, and with multi-key sorts.
const people = [
  { name: "ann", dept: "eng", age: 30 }, { name: "bob", dept: "ops", age: 25 },
  { name: "cid", dept: "eng", age: 25 }, { name: "dee", dept: "ops", age: 30 },
  { name: "eve", dept: "eng", age: 30 }, { name: "fay", dept: "hr", age: 25 },
  { name: "gus", dept: "hr", age: 30 }, { name: "hal", dept: "eng", age: 25 },
];
console.log("by age: " + [...people].sort((a, b) => a.age - b.age).map((p) => p.name).join(" "));
console.log("by dept: " + [...people].sort((a, b) => (a.dept < b.dept ? -1 : a.dept > b.dept ? 1 : 0)).map((p) => p.name).join(" "));
console.log("dept then age desc: " + people.toSorted((a, b) => (a.dept > b.dept) - (a.dept < b.dept) || b.age - a.age).map((p) => p.name).join(" "));
const big = Array.from({ length: 2000 }, (_, i) => ({ key: (i * 7919) % 10, i }));
big.sort((a, b) => a.key - b.key);
let stable = true;
for (let j = 1; j < big.length; j++) if (big[j - 1].key === big[j].key && big[j - 1].i > big[j].i) stable = false;
console.log("2000 elements, 10 keys: stable=" + stable + " first=" + big[0].i + " last=" + big[big.length - 1].i);
console.log("large magnitudes: " + [3, 1, 2].sort((a, b) => (a - b) * 1e300).join(",") + " " + [1, 3, 2].sort(() => 0).join(","));
const words = ["banana", "Apple", "cherry", "apple", "Banana", "apple"];
console.log("default (UTF-16 order): " + [...words].sort().join(" "));
console.log("case-insensitive stable: " + [...words].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)).join(" "));
const nums = [10, 9, 100, 1, -5, 0.5, -0.5, 2e-3];
console.log("numbers default: " + [...nums].sort().join(" ") + " | numeric: " + [...nums].sort((a, b) => a - b).join(" "));
const byLen = ["ccc", "a", "bb", "dd", "e", "fff"].sort((a, b) => a.length - b.length);
console.log("by length keeps ties in order: " + byLen.join(" "));
const objs = [{ v: 1 }, { v: undefined }, { v: 0 }, {}];
console.log("sort with undefined values: " + JSON.stringify(objs.map((o) => o.v).sort()));
let calls = 0;
const arr = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
arr.sort((a, b) => (calls++, a - b));
console.log("sorted 100 " + arr.slice(0, 5).join(",") + "..." + arr.slice(-3).join(",") + " comparator called: " + (calls > 0 && calls < 10000));
try { [1, 2].sort("not a function"); } catch (e) { console.log("bad comparator: " + e.name); }
