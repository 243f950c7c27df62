// Order of synchronous code, awaits and promise reactions (per spec).
const log = [];
async function a() {
  log.push("a1");
  await null;
  log.push("a2");
  await b();
  log.push("a3");
}
async function b() {
  log.push("b1");
  await undefined;
  log.push("b2");
}
log.push("start");
const p = a();
Promise.resolve().then(() => log.push("t1")).then(() => log.push("t2"));
Promise.resolve().then(() => log.push("micro"));
log.push("sync-end");
p.then(() => {
  log.push("done");
  console.log(log.join(" "));
});

async function returnsValue() { return 42; }
async function throws() { throw new RangeError("nope"); }
(async () => {
  console.log("value: " + (await returnsValue()));
  try {
    await throws();
  } catch (e) {
    console.log("caught " + e.name + ": " + e.message);
  }
  const results = [];
  for (const ms of [3, 1, 2]) results.push(await Promise.resolve(ms * 10));
  console.log("sequential: " + results.join(","));
  const thenable = { then(resolve) { resolve("from thenable"); } };
  console.log(await thenable);
})();
