// Proxy traps and Reflect: validation, defaults, logging, revocable, invariants.
const log = [];
const target = { a: 1, b: 2 };
const handler = {
  get(t, k, r) { log.push("get " + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push("set " + k); return Reflect.set(t, k, v, r); },
  has(t, k) { log.push("has " + k); return k.startsWith("_") ? false : Reflect.has(t, k); },
  deleteProperty(t, k) { log.push("delete " + k); return Reflect.deleteProperty(t, k); },
  ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t).filter((k) => !String(k).startsWith("_")); },
};
const p = new Proxy(target, handler);
p.c = p.a + p.b;
p._secret = "s";
console.log(`${"a" in p} ${"_secret" in p} ${Object.keys(p).join(",")} ${delete p.a} ${JSON.stringify(target)}`);
console.log(log.join("; "));
const withDefault = new Proxy({}, { get: (t, k) => (k in t ? t[k] : `<${String(k)}>`) });
withDefault.known = "yes";
console.log(withDefault.known + " " + withDefault.unknown);
const validator = new Proxy({}, {
  set(t, k, v) {
    if (k === "age" && (!Number.isInteger(v) || v < 0)) throw new TypeError("age must be a non-negative integer");
    t[k] = v;
    return true;
  },
});
validator.age = 30;
try { validator.age = -1; } catch (e) { console.log("validator: " + e.message + ", age still " + validator.age); }
const callLog = [];
const traced = new Proxy(function add(x, y) { return x + y; }, {
  apply(t, thisArg, args) { callLog.push(`${t.name}(${args})`); return Reflect.apply(t, thisArg, args) * 10; },
  construct(t, args) { return { constructedWith: args }; },
});
console.log(traced(1, 2) + " " + JSON.stringify(new traced(3)) + " " + callLog.join(" ") + " " + typeof traced);
const { proxy, revoke } = Proxy.revocable({ x: 1 }, {});
console.log("before revoke " + proxy.x);
revoke();
try { proxy.x; } catch (e) { console.log("after revoke: " + e.name); }
const frozen = Object.freeze({ fixed: 1 });
const liar = new Proxy(frozen, { get: () => 2 });
try { liar.fixed; } catch (e) { console.log("invariant violated: " + e.name); }
console.log("Reflect.ownKeys " + Reflect.ownKeys({ b: 1, [Symbol("s")]: 2, 1: 0, a: 3 }).map(String).join(","));
console.log("Reflect.has " + Reflect.has([], "length") + " getPrototypeOf " + (Reflect.getPrototypeOf([]) === Array.prototype));
console.log("Reflect.defineProperty " + Reflect.defineProperty(Object.freeze({}), "x", { value: 1 }) + " construct " + Reflect.construct(Date, [0]).getTime());
class A { constructor() { this.kind = new.target.name; } }
class B {}
console.log("construct with newTarget: " + Reflect.construct(A, [], B).kind + " " + (Reflect.construct(A, [], B) instanceof B));
const arrProxy = new Proxy([1, 2, 3], {});
console.log("array proxy isArray " + Array.isArray(arrProxy) + " length " + arrProxy.length + " map " + arrProxy.map((x) => x * 2).join(","));
const negIndex = new Proxy([10, 20, 30], { get: (t, k, r) => (typeof k === "string" && /^-\d+$/.test(k) ? t[t.length + Number(k)] : Reflect.get(t, k, r)) });
console.log("negative index " + negIndex[-1] + " " + negIndex[0]);
