// Functions and classes: kind, name, extends, own properties.
function named() {}
const arrow = () => {};
const anonymous = [function () {}][0];
console.log(named, arrow, anonymous);
console.log(function () {}, () => {});
console.log(class A {}, class {});
class Parent {} class Child extends Parent {}
console.log(Child, class X extends Array {});
console.log(async function af() {}, async () => {});
console.log(function* gen() {}, async function* agen() {});
console.log(Object.assign(function withProps() {}, { a: 1, b: "two" }));
console.log({ f() {}, g: () => 1, h: function () {}, k: class {} });
console.log(Math.max, Array.prototype.push, Object, Array, JSON.parse);
console.log(named.bind(null), Object.assign(named.bind(null), { q: 1 }));
console.log(Object.setPrototypeOf(function nullProto() {}, null));
class Static { static x = 1; static y = "two"; }
console.log(Static);
console.log({ classify() {} }.classify);
const renamed = function orig() {};
Object.defineProperty(renamed, "name", { value: "renamed" });
console.log(renamed);
const noName = function orig() {};
Object.defineProperty(noName, "name", { value: "" });
console.log(noName);
class K {} Object.defineProperty(K, "name", { value: "" });
console.log(K);
console.log([function () {}, () => {}, class {}, class B extends Array {}, Math.max, Object.assign(() => {}, { a: 1 })]);
console.log({ a: { b: { c: function deepFn() {} } } });
console.log({ a: { b: { c: Object.assign(function deepProps() {}, { x: 1 }) } } });
const handler = function handler() {}; handler.config = { retries: 3, delays: [100, 200, 400] };
console.log(handler);
console.log("%s", named);
