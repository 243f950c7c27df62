// Generator objects: state, return/throw, infinite generators with take,
// spread and destructuring consumption, and iterator closing.
function* naturals() { let n = 0; while (true) yield n++; }
function* take(it, k) { for (const x of it) { if (k-- <= 0) return; yield x; } }
function* map(it, f) { for (const x of it) yield f(x); }
function* filter(it, p) { for (const x of it) if (p(x)) yield x; }
console.log([...take(filter(map(naturals(), (x) => x * x), (x) => x % 2 === 1), 5)].join(" "));

const [first, second, ...rest] = take(naturals(), 6);
console.log(`${first} ${second} [${rest}]`);

function* closable() {
  try {
    yield 1; yield 2; yield 3;
  } finally {
    console.log("closed");
  }
}
for (const v of closable()) { if (v === 2) break; }
const [one] = closable();
console.log("destructured " + one);

const g = closable();
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.return(99)));
console.log(JSON.stringify(g.next()));

function* throwsInside() {
  try {
    yield "a";
  } catch (e) {
    yield "caught " + e.message;
  }
  yield "end";
}
const t = throwsInside();
t.next();
console.log(t.throw(new Error("injected")).value);
console.log(t.next().value);
console.log(JSON.stringify(t.next()));

const fresh = throwsInside();
try {
  fresh.throw(new Error("before start"));
} catch (e) {
  console.log("not started: " + e.message + " then " + JSON.stringify(fresh.next()));
}

function* running() { try { gen.next(); } catch (e) { yield e.name; } }
const gen = running();
console.log("re-entrant next: " + gen.next().value);

const fib = {
  *[Symbol.iterator]() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } },
};
console.log([...take(fib, 12)].join(","));
console.log(Object.prototype.toString.call(naturals()) + " " + typeof naturals().next);
