// Function objects: name and length inference, call/apply/bind, default
// this in sloppy vs strict functions, arguments, and toString of natives.
function named(a, b, c = 1, ...d) {}
const anon = function () {};
const arrow = (x) => x;
const obj = { method() {}, get prop() { return 1; }, ["comp" + "uted"]: () => {}, [Symbol.iterator]: function () {} };
console.log([named.name, named.length, anon.name, arrow.name, arrow.length, obj.method.name, obj.computed.name, obj[Symbol.iterator].name].join(" "));
console.log(Object.getOwnPropertyDescriptor(obj, "prop").get.name + " " + (class Foo {}).name + " " + (class {}).name + "|" + (() => {}).name + "|" + new Function().name);
const bound = named.bind(null, 1);
console.log(bound.name + " " + bound.length + " " + named.bind().bind().name);
function who() { return this?.id ?? typeof this; }
function whoStrict() { "use strict"; return this === undefined ? "undefined" : typeof this; }
const ctx = { id: "ctx", who, whoStrict };
console.log(`${ctx.who()} ${who.call({ id: "called" })} ${who.apply({ id: "applied" }, [])} ${who.bind({ id: "bound" }).call({ id: "ignored" })}`);
console.log(`sloppy this for call(5): ${typeof who.call(5)}; strict: ${whoStrict()} ${whoStrict.call(5)} ${ctx.whoStrict()}`);
const detached = ctx.whoStrict;
console.log("detached strict method: " + detached());
function sumAll() { let s = 0; for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
console.log(`apply with array ${sumAll.apply(null, [1, 2, 3])} spread ${sumAll(...[4, 5])} call ${sumAll.call(null, 6, 7)}`);
function outerArgs() { const inner = () => arguments[0]; return inner("ignored"); }
console.log("arrow sees outer arguments: " + outerArgs("outer"));
const partial = (f, ...pre) => (...rest) => f(...pre, ...rest);
console.log("partial " + partial(sumAll, 10, 20)(30));
const boundCtor = function Pt(x, y) { this.x = x; this.y = y; }.bind(null, 1);
const pt = new boundCtor(2);
console.log(`new on bound function ${pt.x},${pt.y}`);
console.log(`${typeof Function.prototype} ${Function.prototype.name === ""} ${(function () {}).constructor === Function} ${Object.getPrototypeOf(async function () {}).constructor.name}`);
console.log(`${/\[native code\]/.test(Math.max.toString())} ${/return 42/.test((function () { return 42; }).toString())} ${String((a, b) => a + b)}`);
console.log(`${named.hasOwnProperty("prototype")} ${arrow.hasOwnProperty("prototype")} ${obj.method.hasOwnProperty("prototype")} ${typeof named.prototype.constructor}`);
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
const fact2 = fact;
console.log("recursion via name " + fact2(10));
const counter = function c() { c.count = (c.count || 0) + 1; return c.count; };
counter(); counter();
console.log("function property " + counter.count);
