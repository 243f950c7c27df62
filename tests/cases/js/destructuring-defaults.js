// Destructuring with defaults, renaming, nesting, rest, holes and swaps.
function config({ host = "localhost", port = 8080, tls: { enabled = false, cert = null } = {}, ...extra } = {}) {
  return `${host}:${port} tls=${enabled} cert=${cert} extra=${JSON.stringify(extra)}`;
}
console.log(config());
console.log(config({ port: 443, tls: { enabled: true, cert: "x.pem" }, debug: true }));
console.log(config({ host: undefined, port: null }));

const [a = 1, , b = a * 10, [c = "deep"] = [], ...others] = [undefined, "skipped", undefined, [], 5, 6];
console.log(`${a} ${b} ${c} ${others.join("+")}`);

let calls = 0;
const def = () => ++calls;
const { x = def(), y = def() } = { x: 0 };
console.log(`x=${x} y=${y} calls=${calls}`);

let p = 1, q = 2;
[p, q] = [q, p];
console.log(`swapped ${p} ${q}`);

const { length, 0: firstChar, [length - 1]: lastChar } = "hello";
console.log(`${length} ${firstChar} ${lastChar}`);

const users = [
  { id: 1, profile: { name: "Ann", langs: ["js", "c"] } },
  { id: 2, profile: { name: "Bo", langs: [] } },
];
for (const { id, profile: { name, langs: [main = "none"] } } of users) console.log(`${id} ${name} ${main}`);

const map = new Map([["k1", { v: 1 }], ["k2", { v: 2 }]]);
for (const [k, { v }] of map) console.log(k + "=" + v);

const obj = {};
({ a: obj.first, b: obj["second"] = "dflt" } = { a: "A" });
console.log(JSON.stringify(obj));

try {
  const { z } = null;
} catch (e) {
  console.log("null destructure: " + e.name);
}
try {
  const [w] = {};
} catch (e) {
  console.log("non-iterable: " + e.name);
}
const { ...copy } = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } });
console.log("rest copies own enumerable only: " + JSON.stringify(copy));
function f(a, b = a + 1, ...rest) { return [a, b, rest.length, f.length].join("/"); }
console.log(f(1) + " " + f(1, 5, 7, 8));
