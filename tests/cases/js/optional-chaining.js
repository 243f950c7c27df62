// Optional chaining and nullish coalescing, with short-circuit evaluation.
const data = { user: { name: "ann", address: null, tags: ["a"], greet() { return "hi " + this.name; } }, list: [] };
console.log(`${data.user?.name} ${data.user?.address?.city} ${data.nobody?.name} ${data.user.tags?.[0]} ${data.list?.[5]}`);
console.log(`${data.user.greet?.()} ${data.user.missing?.()} ${data.nobody?.greet()} ${typeof data.user?.["greet"]}`);
let calls = 0;
const count = () => ++calls;
const nothing = null;
nothing?.[count()];
nothing?.a.b.c(count());
console.log("short-circuit skipped calls: " + calls);
try { data.user.missing(); } catch (e) { console.log("without ?.: " + e.name); }
try { data.nobody?.name.first; console.log("chain stops at nobody: no error"); } catch (e) { console.log("error " + e.name); }
try { (data.nobody?.name).first; } catch (e) { console.log("parenthesised chain does not short-circuit: " + e.name); }
console.log(`${null ?? "d1"} ${undefined ?? "d2"} ${0 ?? "d3"} ${"" ?? "d4"} ${false ?? "d5"} ${NaN ?? "d6"}`);
console.log(`${0 || "or"} ${"" || "or"} ${0 ?? "nullish"} ${(null || undefined) ?? "both"}`);
const settings = { retries: 0, name: "" };
console.log(`retries ${settings.retries ?? 3} vs ${settings.retries || 3}; name "${settings.name ?? "anon"}" vs "${settings.name || "anon"}"`);
const fnMaybe = Math.random() > 2 ? () => "called" : undefined;
console.log("optional call " + fnMaybe?.() + " " + (fnMaybe?.() ?? "fallback"));
const deep = { a: [{ b: { c: [null, { d: "found" }] } }] };
console.log(deep?.a?.[0]?.b?.c?.[1]?.d + " " + deep?.a?.[1]?.b?.c);
class Node { constructor(v, next) { this.v = v; this.next = next; } }
const chain = new Node(1, new Node(2, new Node(3)));
let sum = 0;
for (let n = chain; n; n = n.next) sum += n.v;
console.log(`linked list ${sum} third ${chain.next?.next?.v} fourth ${chain.next?.next?.next?.v}`);
const arr = null;
console.log(`length ${arr?.length ?? 0} delete ${delete arr?.x}`);
const map = new Map([["k", { v: 1 }]]);
console.log(`${map.get("k")?.v} ${map.get("z")?.v ?? "none"}`);
const o = { fn() { return this === o; } };
console.log("this preserved: " + o?.fn() + " " + o.fn?.() + " " + (o?.fn)());
