// JSON.stringify / JSON.parse round trips, spacing, escapes, toJSON.
const data = {
  name: "wasmbox",
  version: 1.5,
  tags: ["js", "wasm", "sandbox"],
  nested: { deep: { deeper: [1, [2, [3]]] }, empty: {}, none: null },
  flags: [true, false],
  text: 'quote " backslash \\ tab \t newline \n unicode é ☃ 😀',
  control: "\u0001\u001f",
  lone: "\ud800 x \udc00",
};
const s = JSON.stringify(data);
console.log(s);
const back = JSON.parse(s);
console.log("round trip equal: " + (JSON.stringify(back) === s));
console.log(JSON.stringify(data.nested, null, 2));
console.log(JSON.stringify([1, "two", { three: 3 }], null, "--"));
console.log(JSON.stringify({ a: [] , b: {} }, null, 4));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol("x"), n: NaN, i: -Infinity, z: -0, d: new Date(Date.UTC(2020, 1, 29, 12)) }));
console.log(JSON.stringify([undefined, function () {}, Symbol("y")]));
console.log(JSON.stringify("plain") + " " + JSON.stringify(42) + " " + JSON.stringify(null) + " " + JSON.stringify(undefined));
class Money {
  constructor(cents) { this.cents = cents; }
  toJSON(key) { return { amount: (this.cents / 100).toFixed(2), key }; }
}
console.log(JSON.stringify({ price: new Money(1999), list: [new Money(5)] }));
console.log(JSON.stringify(new Boolean(false)) + JSON.stringify(new String("s")) + JSON.stringify(new Number(3)));
console.log(JSON.parse(' [1, 2.5e3, -0.25, "a\\u0041\\n", true, null, {"k": {}}] ').length);
console.log(JSON.stringify(JSON.parse('{"__proto__": {"x": 1}, "a": 1, "a": 2}')));
console.log(Object.keys(JSON.parse('{"__proto__": 1}')).join(","));
for (const bad of ["{'a':1}", "[1,]", '{"a":1,}', "01", "NaN", '"\t"', "", "[1] x"]) {
  try {
    JSON.parse(bad);
    console.log("parsed?! " + bad);
  } catch (e) {
    console.log("rejects " + JSON.stringify(bad) + ": " + e.name);
  }
}
const cyc = { name: "loop" };
cyc.self = cyc;
try {
  JSON.stringify(cyc);
} catch (e) {
  console.log("circular: " + e.name);
}
try {
  JSON.stringify({ n: 10n });
} catch (e) {
  console.log("bigint: " + e.name);
}
console.log(JSON.stringify({ big: 1e21, small: 1e-7, max: Number.MAX_SAFE_INTEGER, float: 0.1 + 0.2 }));
