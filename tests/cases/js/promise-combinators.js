// Promise.all, allSettled, any, race: results, ordering, rejection
// reasons, empty inputs and non-promise values.  Delays are made with
// chains of microtasks (no timers), so everything is deterministic.
const after = (n, v, fail = false) => {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => {});
  return p.then(() => { if (fail) throw new Error(String(v)); return v; });
};
const show = (label) => [
  (v) => console.log(`${label} fulfilled: ${JSON.stringify(v)}`),
  (e) => console.log(`${label} rejected: ${e instanceof AggregateError ? "AggregateError [" + e.errors.map((x) => x.message).join(",") + "]" : e.message}`),
];
async function main() {
  await Promise.all([after(3, "slow"), after(1, "fast"), 42, after(2, "mid")]).then(...show("all"));
  await Promise.all([after(3, "a"), after(1, "boom", true), after(2, "c", true)]).then(...show("all with failures"));
  await Promise.all([]).then(...show("all empty"));
  await Promise.allSettled([after(2, "ok"), after(1, "bad", true), "plain"]).then((rs) =>
    console.log("allSettled: " + rs.map((r) => (r.status === "fulfilled" ? "ok:" + r.value : "err:" + r.reason.message)).join(" ")));
  await Promise.any([after(3, "x", true), after(2, "second"), after(1, "first-fails", true)]).then(...show("any"));
  await Promise.any([after(1, "e1", true), after(2, "e2", true)]).then(...show("any all fail"));
  await Promise.any([]).then(...show("any empty"));
  await Promise.race([after(3, "tortoise"), after(1, "hare")]).then(...show("race"));
  await Promise.race([after(2, "late"), after(1, "early error", true)]).then(...show("race error"));
  await Promise.race(["immediate", after(1, "later")]).then(...show("race value"));
  const never = Promise.race([]);
  const check = await Promise.race([never, after(5, "race([]) stays pending")]);
  console.log(check);
  const order = [];
  await Promise.all([3, 1, 2].map((n) => after(n, n).then((v) => { order.push(v); return v * 10; }))).then((vs) =>
    console.log(`completion order ${order.join(",")}, result order ${vs.join(",")}`));
  const iterable = new Set([after(1, "from set"), "s2"]);
  console.log("iterables: " + (await Promise.all(iterable)).join(" + "));
  try {
    await Promise.all(5);
  } catch (e) {
    console.log("non-iterable: " + e.name);
  }
  const thenable = { then(res) { res("thenable value"); } };
  console.log("thenable in all: " + (await Promise.all([thenable]))[0]);
  const limit = async (tasks, n) => {
    const results = [];
    let next = 0, active = 0, maxActive = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const i = next++;
        active++; maxActive = Math.max(maxActive, active);
        results[i] = await tasks[i]();
        active--;
      }
    };
    await Promise.all(Array.from({ length: n }, worker));
    return `${results.join(",")} (max concurrent ${maxActive})`;
  };
  console.log("pool: " + (await limit([4, 1, 3, 2, 5].map((d, i) => () => after(d, "t" + i)), 2)));
}
main().then(() => console.log("done"));
