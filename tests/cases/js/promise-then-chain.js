// Microtask ordering of then/catch/finally chains, resolution with
// promises and thenables, and the timing of async return values.
const log = [];
const p1 = Promise.resolve();
p1.then(() => log.push("a1")).then(() => log.push("a2")).then(() => log.push("a3"));
p1.then(() => log.push("b1")).then(() => log.push("b2")).then(() => log.push("b3"));
Promise.resolve().then(() => log.push("c1"));
log.push("sync");
Promise.resolve()
  .then(() => { log.push("t1"); throw new Error("e"); })
  .then(() => log.push("skipped"))
  .catch((e) => { log.push("catch " + e.message); return "recovered"; })
  .finally(() => log.push("finally"))
  .then((v) => log.push("after finally " + v));
new Promise((resolve) => { log.push("executor sync"); resolve("x"); resolve("ignored"); }).then((v) => log.push("executor value " + v));
const resolvedWithPromise = new Promise((r) => r(Promise.resolve("inner")));
resolvedWithPromise.then((v) => log.push("resolved with promise: " + v));
Promise.resolve("direct").then((v) => log.push("direct " + v));
async function asyncReturn() { return "async-ret"; }
asyncReturn().then((v) => log.push(v));
Promise.reject(new Error("r")).then(null, (e) => log.push("onRejected " + e.message));
Promise.resolve(1).finally(() => 99).then((v) => log.push("finally keeps value " + v));
Promise.reject(new Error("orig")).finally(() => { throw new Error("replaced"); }).catch((e) => log.push("finally throw " + e.message));
const same = Promise.resolve(5);
log.push("Promise.resolve(p) === p: " + (Promise.resolve(same) === same));
let resolveLater;
const later = new Promise((r) => (resolveLater = r));
later.then((v) => log.push("later " + v));
resolveLater("now");
const self = new Promise((r) => setTimeoutLike(() => r(self)));
function setTimeoutLike(f) { Promise.resolve().then(f); }
self.catch((e) => log.push("self resolution: " + e.name));
let n = 0;
const loop = () => (++n < 5 ? Promise.resolve().then(loop) : n);
loop();
Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve())).then(() => {
  log.push("n=" + n);
});
(async () => {
  for (let i = 0; i < 12; i++) await null;
  console.log(log.join("\n"));
})();
