// Closures: counters, private state, memoization, currying, once, and
// loops capturing variables.
function makeCounter(start = 0) {
  let n = start;
  return { inc: () => ++n, dec: () => --n, get value() { return n; } };
}
const c1 = makeCounter(), c2 = makeCounter(10);
c1.inc(); c1.inc(); c2.dec();
console.log(`counters ${c1.value} ${c2.value}`);
function memoize(fn) {
  const cache = new Map();
  let misses = 0;
  const m = (n) => { if (!cache.has(n)) { misses++; cache.set(n, fn(n)); } return cache.get(n); };
  m.misses = () => misses;
  return m;
}
const fib = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));
console.log(`fib(90)=${fib(90)} misses=${fib.misses()}`);
const curry = (f) => function curried(...args) { return args.length >= f.length ? f(...args) : (...more) => curried(...args, ...more); };
const add3 = curry((a, b, c) => a + b + c);
console.log(`curry ${add3(1)(2)(3)} ${add3(1, 2)(3)} ${add3(1)(2, 3)}`);
const once = (f) => { let done = false, r; return (...a) => (done ? r : ((done = true), (r = f(...a)))); };
const init = once((x) => x * 2);
console.log(`once ${init(5)} ${init(100)}`);
const compose = (...fs) => (x) => fs.reduceRight((v, f) => f(v), x);
console.log("compose " + compose((x) => x + 1, (x) => x * 2)(5));
function makeAdders() { const out = []; for (var i = 0; i < 3; i++) out.push(((j) => (x) => x + j)(i)); return out; }
console.log("IIFE capture " + makeAdders().map((f) => f(10)).join(","));
let shadow = "outer";
function readShadow() { return shadow; }
function shadowing() { let shadow = "inner"; return readShadow() + "/" + shadow; }
console.log("lexical scope " + shadowing());
const bank = (() => {
  let balance = 0;
  const history = [];
  return {
    deposit(x) { balance += x; history.push("+" + x); return this; },
    withdraw(x) { if (x > balance) throw new RangeError("insufficient"); balance -= x; history.push("-" + x); return this; },
    report() { return `${balance} [${history.join(" ")}]`; },
  };
})();
try { bank.deposit(50).withdraw(20).withdraw(100); } catch (e) { console.log("bank " + e.name); }
console.log("bank " + bank.report() + " balance visible: " + ("balance" in bank));
function outer() { const x = "captured"; return function middle() { return function inner() { return x; }; }; }
console.log(outer()()());
const objMethod = { name: "obj", regular() { return () => this.name; }, arrow: () => typeof this };
console.log("arrow this " + objMethod.regular()() + " " + objMethod.arrow());
let lazyCalls = 0;
const lazy = (f) => { let v, done = false; return () => (done ? v : ((done = true), (v = f()))); };
const heavy = lazy(() => { lazyCalls++; return 42; });
console.log(`lazy ${heavy()} ${heavy()} calls=${lazyCalls}`);
