// WeakMap / WeakSet / WeakRef API (no dependence on when GC runs).
const wm = new WeakMap();
const k1 = {}, k2 = function () {};
wm.set(k1, "object key").set(k2, "function key");
console.log(wm.get(k1) + ", " + wm.get(k2) + ", has " + wm.has(k1) + ", missing " + wm.get({}));
wm.delete(k1);
console.log("after delete " + wm.has(k1));
for (const bad of [1, "str", null, undefined]) {
  try { wm.set(bad, 1); console.log("accepted " + String(bad)); } catch (e) { console.log("WeakMap key " + String(bad) + ": " + e.name); }
}
const ws = new WeakSet([k1]);
console.log("weakset " + ws.has(k1) + " " + ws.has(k2));
const target = { name: "target" };
const ref = new WeakRef(target);
console.log("deref " + ref.deref().name + " " + (ref.deref() === target));
const registry = new FinalizationRegistry(() => {});
registry.register(target, "held");
console.log("unregister with no token: " + registry.unregister({}));
const priv = new WeakMap();
class Account {
  constructor(balance) { priv.set(this, { balance }); }
  deposit(n) { priv.get(this).balance += n; return this; }
  get balance() { return priv.get(this).balance; }
}
const acc = new Account(10).deposit(5);
console.log("private via WeakMap: " + acc.balance + " keys " + JSON.stringify(Object.keys(acc)));
console.log(typeof WeakMap.prototype.clear + " " + typeof WeakMap.prototype.forEach + " " + Object.prototype.toString.call(ref));
