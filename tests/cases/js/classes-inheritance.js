// extends, super calls, super property access, static inheritance,
// new.target, extending built-ins, instanceof and Symbol.hasInstance.
class Shape {
  static count = 0;
  constructor(name) {
    this.name = name;
    Shape.count++;
    this.kind = new.target.name;
  }
  area() { return 0; }
  describe() { return `${this.name} (${this.kind}) area=${this.area().toFixed(2)}`; }
  static create(...args) { return new this(...args); }
}
class Rect extends Shape {
  constructor(w, h) { super("rect"); this.w = w; this.h = h; }
  area() { return this.w * this.h; }
}
class Square extends Rect {
  constructor(s) { super(s, s); this.name = "square"; }
  describe() { return "[" + super.describe() + "]"; }
}
class Circle extends Shape {
  constructor(r) { super("circle"); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
const shapes = [new Rect(2, 3), Square.create(4), new Circle(1)];
for (const s of shapes) console.log(s.describe());
console.log("count " + Shape.count);
console.log("instanceof " + (shapes[1] instanceof Rect) + " " + (shapes[1] instanceof Circle) + " " + (shapes[2] instanceof Shape));
console.log("proto chain " + (Object.getPrototypeOf(Square) === Rect) + " " + (Object.getPrototypeOf(Square.prototype) === Rect.prototype));

class Stack extends Array {
  peek() { return this[this.length - 1]; }
}
const st = new Stack();
st.push(1, 2, 3);
const mapped = st.map((x) => x * 2);
console.log("stack peek " + st.peek() + " length " + st.length + " mapped is Stack " + (mapped instanceof Stack) + " " + mapped.peek());

class Even {
  static [Symbol.hasInstance](n) { return n % 2 === 0; }
}
console.log("hasInstance " + (4 instanceof Even) + " " + (3 instanceof Even));

class MyError extends Error {}
const me = new MyError("m");
console.log("error subclass " + (me instanceof Error) + " " + me.name + " " + Object.prototype.toString.call(me));

try {
  class Bad extends Shape { constructor() { this.x = 1; super("bad"); } }
  new Bad();
} catch (e) {
  console.log("this before super: " + e.name);
}
try {
  Shape();
} catch (e) {
  console.log("class called without new: " + e.name);
}
const Mixin = (Base) => class extends Base { mixed() { return "mixed " + this.name; } };
class Tri extends Mixin(Shape) { constructor() { super("tri"); } }
console.log(new Tri().mixed() + " " + Tri.name + " " + typeof Tri);
