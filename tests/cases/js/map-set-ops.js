// Map and Set: insertion order, SameValueZero keys, iteration while
// mutating, set algebra by hand, grouping, and conversion.
const m = new Map();
m.set("b", 2).set("a", 1).set(NaN, "nan").set(0, "zero").set({}, "obj");
m.set("b", 20);
console.log("size " + m.size + " get(NaN)=" + m.get(NaN) + " get(-0)=" + m.get(-0) + " has('c')=" + m.has("c"));
console.log("keys in order: " + [...m.keys()].map(String).join(","));
m.delete("a");
m.set("a", 100);
console.log("re-added goes last: " + [...m.entries()].map(([k, v]) => String(k) + "=" + String(v)).join(" "));
const counts = new Map();
for (const w of "the cat and the hat and the bat".split(" ")) counts.set(w, (counts.get(w) ?? 0) + 1);
console.log([...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([w, c]) => w + ":" + c).join(" "));

const s = new Set([3, 1, 3, 2, 1, "1", NaN, NaN, 0, -0]);
console.log("set size " + s.size + " values " + [...s].map(String).join(","));
const a = new Set([1, 2, 3, 4]), b = new Set([3, 4, 5]);
const union = new Set([...a, ...b]);
const inter = new Set([...a].filter((x) => b.has(x)));
const diff = new Set([...a].filter((x) => !b.has(x)));
const sym = new Set([...union].filter((x) => !inter.has(x)));
console.log(`union ${[...union]} inter ${[...inter]} diff ${[...diff]} sym ${[...sym]}`);

const visit = new Set([1]);
const seen = [];
for (const x of visit) {
  seen.push(x);
  if (x < 5) visit.add(x + 1);
  if (x === 2) visit.delete(1);
}
console.log("mutating iteration: " + seen.join(","));

const people = [{ n: "ann", team: "red" }, { n: "bo", team: "blue" }, { n: "cy", team: "red" }];
const byTeam = people.reduce((acc, p) => acc.set(p.team, [...(acc.get(p.team) || []), p.n]), new Map());
console.log(JSON.stringify(Object.fromEntries(byTeam)));
console.log(JSON.stringify([...new Map(Object.entries({ x: 1, y: 2 }))]));
const keyObj = { id: 1 };
const om = new Map([[keyObj, "found"]]);
console.log(om.get(keyObj) + " " + om.get({ id: 1 }));
const order = [];
new Map([[1, "a"], [2, "b"]]).forEach((v, k, map) => order.push(`${k}${v}${map.size}`));
new Set(["x"]).forEach((v, k) => order.push(v + k));
console.log(order.join(" "));
m.clear();
console.log("cleared " + m.size + " " + Object.prototype.toString.call(m) + " " + Object.prototype.toString.call(s.values()));
