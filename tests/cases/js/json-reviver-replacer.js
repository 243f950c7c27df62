// JSON.parse reviver and JSON.stringify replacer (function and allow-list).
const text = '{"id":"7","when":"2024-02-29T00:00:00.000Z","items":[{"qty":"2"},{"qty":"3"}],"secret":"s3"}';
const visited = [];
const parsed = JSON.parse(text, function (key, value) {
  visited.push(key === "" ? "(root)" : key);
  if (key === "secret") return undefined;
  if (key === "qty" || key === "id") return Number(value);
  if (key === "when") return new Date(value);
  return value;
});
console.log("visit order: " + visited.join(" "));
console.log("has secret: " + ("secret" in parsed) + ", id+1=" + (parsed.id + 1) + ", year " + parsed.when.getUTCFullYear());
console.log("qty total " + parsed.items.reduce((s, i) => s + i.qty, 0));

const replaced = JSON.stringify(
  { a: 1, b: "two", c: [1, 2, { d: 4 }], e: { f: null } },
  function (key, value) {
    if (typeof value === "number") return value * 100;
    if (key === "b") return undefined;
    if (value === null) return "NULL";
    return value;
  }
);
console.log(replaced);
console.log(JSON.stringify({ z: 1, a: 2, m: { z: 3, a: 4, q: 5 } }, ["a", "m", "q"]));
console.log(JSON.stringify({ 1: "one", 2: "two" }, [1]));
const thisSeen = [];
JSON.stringify({ outer: { inner: 1 } }, function (k, v) {
  thisSeen.push(k + "<" + Object.keys(this).join("+"));
  return v;
});
console.log(thisSeen.join(" | "));
const withMap = new Map([["a", 1], ["b", 2]]);
console.log(JSON.stringify({ m: withMap, s: new Set([1, 2]) }, (k, v) =>
  v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : v));
console.log(JSON.stringify({ n: 12345678901234567890n }, (k, v) => (typeof v === "bigint" ? v.toString() + "n" : v)));
