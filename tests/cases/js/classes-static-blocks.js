// Static initialization blocks, computed keys, accessors and field order.
const order = [];
const key = "dyn" + "amic";
class Config {
  static defaults;
  static {
    order.push("static block 1");
    Config.defaults = { retries: 3 };
  }
  static version = (order.push("static field"), "1.0");
  static {
    order.push("static block 2 sees version " + this.version);
  }
  a = (order.push("field a"), 1);
  [key] = "computed";
  b = this.a + 1;
  constructor() {
    order.push("constructor");
  }
  get [key + "Getter"]() { return this.dynamic.toUpperCase(); }
  static ["make" + "Default"]() { return new Config(); }
}
order.push("class defined");
const c = Config.makeDefault();
console.log(order.join(" | "));
console.log(JSON.stringify(Config.defaults) + " " + Config.version);
console.log(c.a + " " + c.b + " " + c.dynamic + " " + c.dynamicGetter);
console.log(JSON.stringify(Object.keys(c)));
console.log(Object.getOwnPropertyNames(Config.prototype).join(","));
console.log(Object.getOwnPropertyNames(Config).sort().join(","));
class Point {
  constructor(x, y) { Object.assign(this, { x, y }); Object.freeze(this); }
  with(changes) { return new Point(changes.x ?? this.x, changes.y ?? this.y); }
  toString() { return `(${this.x}, ${this.y})`; }
  static fromJSON(s) { const { x, y } = JSON.parse(s); return new Point(x, y); }
}
const p = new Point(1, 2);
console.log(`${p} ${p.with({ y: 5 })} ${Point.fromJSON('{"x":7,"y":8}')} frozen=${Object.isFrozen(p)}`);
