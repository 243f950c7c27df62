// Class instances, prototypes, null-prototype objects and Symbol.toStringTag.
class Foo { constructor() { this.x = 1; } }
class Empty {}
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Foo(), new Empty());
console.log({ p: new Point(1, 2), list: [new Point(3, 4)] });
console.log({ a: { b: { c: new Empty() } } });
console.log({ a: { b: { c: new Foo() } } });
class Base {} class Derived extends Base { constructor() { super(); this.d = true; } }
console.log(new Derived());
class Priv { #secret = 1; visible = 2; static s = 3; get g() { return 1; } }
console.log(new Priv());
console.log(Object.create(null));
console.log(Object.assign(Object.create(null), { a: 1 }));
console.log({ a: { b: { c: Object.assign(Object.create(null), { x: 1 }) } } });
console.log(Object.create(Object.create(null)));
class Tagged { get [Symbol.toStringTag]() { return "Custom"; } }
console.log(new Tagged());
console.log(Object.assign(new Tagged(), { k: 1 }));
console.log(Object.create({ [Symbol.toStringTag]: "P" }));
const nt = Object.create(null);
Object.defineProperty(nt, Symbol.toStringTag, { value: "Q" }); nt.a = 1;
console.log(nt);
class MyMap extends Map {} class MySet extends Set {}
console.log(new MyMap([[1, 2]]), new MySet([1]), new MyMap());
class Temp extends Date {}
console.log(new Temp(0));
class Re extends RegExp {}
console.log(new Re("x", "g"));
console.log(Foo.prototype, Point.prototype);
function OldStyle(v) { this.v = v; }
OldStyle.prototype.method = function () {};
console.log(new OldStyle(5));
const weird = Object.create(Foo.prototype);
console.log(weird);
console.log(Object.setPrototypeOf({ a: 1 }, Point.prototype));
console.log(Object.setPrototypeOf(new Map([[1, 2]]), null), Object.setPrototypeOf(new Set([1]), null));
console.log(Object.setPrototypeOf(new Date(0), null), Object.setPrototypeOf(/x/g, null));
