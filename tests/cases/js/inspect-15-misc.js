// Promises, arguments, generators, proxies, custom inspection, namespaces.
console.log(new Promise(() => {}));
console.log({ a: { b: { c: new Promise(() => {}) } } });
console.log(Object.assign(new Promise(() => {}), { x: 1 }));
console.log((function () { return arguments; })(1, 2));
console.log((function () { return arguments; })());
console.log((function* g() {})());
console.log((async function* ag() {})());
console.log(JSON, Math, Reflect);
console.log(new Proxy({ a: 1 }, {}));
console.log(new Proxy([1, 2], {}));
console.log(new Proxy(function pf() {}, {}));
const custom = Symbol.for("nodejs.util.inspect.custom");
console.log({ [custom]() { return "CUSTOM"; } });
console.log({ x: { [custom](depth) { return { depth }; } } });
console.log({ x: { [custom]() { return "a\nb"; } } });
class Money {
  constructor(v) { this.v = v; }
  [custom](depth, opts, inspect) { return `Money<${inspect(this.v, opts)}>`; }
}
console.log([new Money(5), new Money("x")], new Money([1, 2]));
console.log([1, 2][Symbol.iterator]());
console.log("ab"[Symbol.iterator]());
console.log(Object.create(Array.prototype));
console.log(Array.prototype, Object.prototype);
console.log(new WeakRef({}));
console.log(globalThis.undefinedGlobal);
