// Private fields, methods, accessors, static privates and `#x in obj`.
class Counter {
  #count = 0;
  static #instances = 0;
  #step;
  constructor(step = 1) {
    this.#step = step;
    Counter.#instances++;
  }
  #bump() { this.#count += this.#step; }
  increment() { this.#bump(); return this; }
  get value() { return this.#count; }
  set value(v) {
    if (typeof v !== "number") throw new TypeError("value must be a number");
    this.#count = v;
  }
  static get instances() { return Counter.#instances; }
  static isCounter(o) { return #count in o; }
  equals(other) { return other.#count === this.#count; }
}

const c = new Counter(5);
c.increment().increment();
console.log("value " + c.value);
c.value = 100;
console.log("after set " + c.value);
const d = new Counter();
console.log("instances " + Counter.instances);
console.log("isCounter " + Counter.isCounter(c) + " " + Counter.isCounter({}));
console.log("equals " + c.equals(d) + " " + d.increment().equals(new Counter().increment()));
console.log("keys " + JSON.stringify(Object.keys(c)) + " json " + JSON.stringify(c));
try {
  c.value = "x";
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  Counter.prototype.equals.call({}, c);
} catch (e) {
  console.log("foreign object: " + e.name);
}
class Sub extends Counter {
  #own = "sub";
  describe() { return this.#own + ":" + this.value; }
}
const s = new Sub(3).increment();
console.log(s.describe() + " " + Counter.isCounter(s));
