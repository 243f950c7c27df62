// Accessors in literals, classes and defineProperty; descriptors;
// inheritance of accessors; freeze/seal.
const temp = {
  _c: 25,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
};
temp.f = 212;
console.log(`c=${temp._c} f=${temp.f}`);
const d = Object.getOwnPropertyDescriptor(temp, "f");
console.log(`descriptor get:${typeof d.get} set:${typeof d.set} enumerable:${d.enumerable} configurable:${d.configurable} value in d:${"value" in d}`);
const o = {};
Object.defineProperty(o, "hidden", { value: 1 });
Object.defineProperty(o, "ro", { value: 2, enumerable: true });
Object.defineProperty(o, "computed", { get() { return this.ro * 10; }, enumerable: true });
o.hidden = 100; o.ro = 200; o.computed = 5;
console.log(`keys ${Object.keys(o)} json ${JSON.stringify(o)} hidden ${o.hidden} ro ${o.ro}`);
console.log(JSON.stringify(Object.getOwnPropertyDescriptors(o), (k, v) => (typeof v === "function" ? "fn" : v)));
class Temperature {
  #k = 0;
  static fromC(c) { const t = new Temperature(); t.celsius = c; return t; }
  get celsius() { return this.#k - 273.15; }
  set celsius(c) { if (c < -273.15) throw new RangeError("below absolute zero"); this.#k = c + 273.15; }
  get kelvin() { return this.#k; }
}
const t = Temperature.fromC(100);
console.log(`kelvin ${t.kelvin.toFixed(2)} celsius ${t.celsius.toFixed(2)}`);
try { t.celsius = -300; } catch (e) { console.log(e.name + ": " + e.message); }
const noSetter = Object.create(null, { v: { get: () => 1, enumerable: true } });
noSetter.v = 2;
console.log("sloppy write to getter-only ignored: " + noSetter.v);
class Base { get id() { return "base"; } }
class Derived extends Base { get id() { return "derived>" + super.id; } }
console.log(new Derived().id);
const child = Object.create(temp);
child.f = 32;
console.log(`setter on proto writes own _c: own=${Object.hasOwn(child, "_c")} child=${child._c} parent=${temp._c}`);
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 9; frozen.nested.b = 3; delete frozen.a;
console.log(`frozen ${frozen.a} nested mutable ${frozen.nested.b} isFrozen ${Object.isFrozen(frozen)} ${Object.isFrozen(frozen.nested)}`);
const sealed = Object.seal({ a: 1 });
sealed.a = 2; sealed.b = 3; delete sealed.a;
console.log(`sealed ${JSON.stringify(sealed)} isSealed ${Object.isSealed(sealed)} isExtensible ${Object.isExtensible(sealed)}`);
let log = [];
const watched = new Proxy({}, { set(tg, k, v) { log.push(k + "=" + v); tg[k] = v; return true; } });
watched.x = 1; watched.y = 2;
console.log("observed " + log.join(","));
const lazyObj = {
  get expensive() {
    const value = [1, 2, 3].reduce((a, b) => a + b);
    Object.defineProperty(this, "expensive", { value, enumerable: true });
    return value;
  },
};
console.log(`lazy getter ${lazyObj.expensive} now data property: ${"value" in Object.getOwnPropertyDescriptor(lazyObj, "expensive")}`);
