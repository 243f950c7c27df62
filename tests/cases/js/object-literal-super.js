// Object literal features: shorthand, computed keys, methods with super,
// __proto__ in literals, getters, duplicate keys and spread order.
const base = {
  greet() { return "base greet"; },
  get kind() { return "base"; },
};
const derived = {
  __proto__: base,
  greet() { return "derived > " + super.greet(); },
  get kind() { return "derived of " + super.kind; },
};
console.log(derived.greet() + " | " + derived.kind);
const name = "n", value = 42, i = 2;
const lit = { name, value, [`key${i}`]: i * 10, [Symbol.toStringTag]: "Lit", "quoted key": 1, 3: "three", dup: 1, dup: 2 };
console.log(JSON.stringify(lit) + " " + Object.prototype.toString.call(lit));
const order = [];
const spreadOrder = { a: order.push("a"), ...{ b: order.push("spread") }, c: order.push("c") };
console.log("evaluation order " + order.join(",") + " " + JSON.stringify(spreadOrder));
const methods = {
  async am() { return "async method"; },
  *gm() { yield "generator method"; },
  async *agm() { yield "async generator method"; },
  ["comp" + "uted"]() { return "computed method"; },
};
methods.am().then((v) => console.log(v));
console.log(methods.gm().next().value + " | " + methods.computed() + " | " + typeof methods.agm().next);
const counter = { count: 0, inc() { this.count++; return this; } };
console.log("chained " + counter.inc().inc().inc().count);
const homeObject = { method() { return super.toString === Object.prototype.toString; } };
console.log("super in plain literal is Object.prototype: " + homeObject.method());
const borrowed = { greet: derived.greet };
console.log("borrowed method keeps its home object: " + borrowed.greet());
try { new methods.am(); } catch (e) { console.log("methods are not constructors: " + e.name); }
console.log(JSON.stringify({ __proto__: null, own: 1 }) + " " + Object.getPrototypeOf({ __proto__: null }) + " " + JSON.stringify({ ["__proto__"]: 5 }));
