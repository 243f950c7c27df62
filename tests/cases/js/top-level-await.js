// Top-level await: awaiting values, promises, async functions, loops and
// try/catch at the top level of the script.
const wait = (n, v) => { let p = Promise.resolve(v); for (let i = 0; i < n; i++) p = p.then((x) => x); return p; };
console.log("start");
const a = await wait(3, "first");
console.log("awaited " + a);
const [b, c] = await Promise.all([wait(2, "b"), wait(1, "c")]);
console.log(`all ${b}${c}`);
async function fetchLike(id) {
  await null;
  if (id < 0) throw new RangeError("bad id " + id);
  return { id, name: "item" + id };
}
for (const id of [1, 2]) console.log(JSON.stringify(await fetchLike(id)));
try {
  await fetchLike(-1);
} catch (e) {
  console.log("caught at top level: " + e.name + " " + e.message);
}
const results = [];
for await (const v of (async function* () { yield 1; yield 2; })()) results.push(v * 10);
console.log("for await " + results.join(","));
const order = [];
const pending = wait(1).then(() => order.push("microtask"));
order.push("before await");
await pending;
order.push("after await");
console.log(order.join(" > "));
console.log("typeof await value: " + typeof (await 5) + " " + (await undefined));
console.log("end");
