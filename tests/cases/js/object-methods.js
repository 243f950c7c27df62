// Object static methods: keys/values/entries/fromEntries, assign,
// create, getPrototypeOf, defineProperties, groupBy-by-hand, structured copy.
const o = { b: 2, a: 1, c: { deep: true } };
console.log(Object.keys(o).join(",") + " | " + JSON.stringify(Object.values(o)) + " | " + JSON.stringify(Object.entries(o)));
console.log(JSON.stringify(Object.fromEntries(Object.entries({ x: 1, y: 2 }).map(([k, v]) => [k.toUpperCase(), v * 10]))));
console.log(JSON.stringify(Object.fromEntries(new URLSearchParamsLike("a=1&b=2&a=3"))));
function URLSearchParamsLike(q) { return q.split("&").map((kv) => kv.split("=")); }
const target = { a: 1 };
const ret = Object.assign(target, { b: 2 }, null, { a: 3 }, "xy", [9]);
console.log(JSON.stringify(ret) + " same object: " + (ret === target));
const proto = { greet() { return "hi from " + this.name; } };
const child = Object.create(proto, { name: { value: "child", enumerable: true } });
console.log(child.greet() + " " + (Object.getPrototypeOf(child) === proto) + " " + proto.isPrototypeOf(child) + " " + Object.keys(child));
const bare = Object.create(null);
bare.k = 1;
console.log("null-proto: " + ("toString" in bare) + " " + Object.keys(bare) + " " + typeof Object.getPrototypeOf(bare) + " " + JSON.stringify(bare));
Object.defineProperties(bare, { hidden: { value: "h" }, shown: { value: "s", enumerable: true } });
console.log(Object.keys(bare).join(",") + " / " + Object.getOwnPropertyNames(bare).join(","));
const clone = structuredCloneLike({ d: [1, { e: 2 }], f: "g" });
function structuredCloneLike(v) { return JSON.parse(JSON.stringify(v)); }
console.log(JSON.stringify(clone));
console.log(`${Object.is(NaN, 0 / 0)} ${Object.entries("ab").join(";")} ${Object.keys([4, 5]).join(",")} ${Object.getOwnPropertyNames("ab").join(",")}`);
const frozen = Object.freeze([1, 2]);
try { frozen.push(3); } catch (e) { console.log("push on frozen array: " + e.name); }
const counter = Object.entries({ apple: 3, pear: 1, fig: 2 }).sort(([, x], [, y]) => y - x).map(([k]) => k);
console.log("sorted by value " + counter.join(","));
const inventory = [{ type: "fruit", n: "apple" }, { type: "veg", n: "kale" }, { type: "fruit", n: "fig" }];
const grouped = {};
for (const item of inventory) (grouped[item.type] ??= []).push(item.n);
console.log("grouped " + JSON.stringify(grouped));
console.log(`${Object.getPrototypeOf(Object.getPrototypeOf({})) === null} ${typeof Object.prototype.hasOwnProperty} ${({}).constructor === Object} ${Object.prototype.toString.call(null)} ${Object.prototype.toString.call([])} ${Object.prototype.toString.call(new Date(0))}`);
const setProto = Object.setPrototypeOf({ own: 1 }, { inherited: 2 });
console.log(`setPrototypeOf ${setProto.inherited} ${JSON.stringify(setProto)} ${Object.entries(setProto).length}`);
const withProtoKey = { __proto__: { viaLiteral: true }, ["__proto__"]: "computed own" };
console.log(`__proto__ literal ${withProtoKey.viaLiteral} own ${Object.hasOwn(withProtoKey, "__proto__")}`);
console.log(JSON.stringify(Object.getOwnPropertyDescriptor([1], "length")) + " " + Object.isExtensible(Object.preventExtensions({})));
console.log(`valueOf/toString: ${{ valueOf: () => 42 } + 1} ${`${{ toString: () => "str" }}`} ${{ valueOf: () => 1, toString: () => "2" } + ""}`);
