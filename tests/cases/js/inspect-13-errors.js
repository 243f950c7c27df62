// Errors print their stack plus own extra properties.  Stacks are set by
// hand so the output does not depend on the engine.
function mk(Ctor, msg, stack) { const e = new Ctor(msg); e.stack = stack; return e; }
console.log(mk(Error, "boom", "Error: boom"));
console.log(mk(Error, "boom", "Error: boom\n    at foo (file.js:1:2)\n    at bar (file.js:3:4)"));
console.log(Object.assign(mk(Error, "boom", "Error: boom\n    at foo (file.js:1:2)"), { code: "E_X", errno: 5 }));
console.log(Object.assign(mk(Error, "boom", "Error: boom"), { code: "E" }));
console.log({ err: mk(Error, "inner", "Error: inner\n    at foo (file.js:1:2)"), x: 1 });
console.log([mk(TypeError, "t", "TypeError: t")]);
console.log([mk(TypeError, "t", "TypeError: t\n    at x (y.js:1:1)")]);
console.log({ a: { b: { e: mk(Error, "deep", "Error: deep\n    at z (z.js:9:9)") } } });
console.log({ outer: { err: mk(Error, "boom", "Error: boom\n    at one (f.js:1:1)\n    at two (f.js:2:2)") } });
console.log(mk(RangeError, "", "RangeError"));
const withCause = new Error("outer", { cause: mk(Error, "inner", "Error: inner") });
withCause.stack = "Error: outer";
console.log(withCause);
const primCause = new Error("outer", { cause: "why" });
primCause.stack = "Error: outer\n    at a (a.js:1:1)";
console.log(primCause);
const inner = mk(Error, "inner", "Error: inner\n    at f1 (a.js:1:1)\n    at f2 (a.js:2:1)\n    at f3 (a.js:3:1)\n    at f4 (a.js:4:1)\n    at f5 (a.js:5:1)");
const chained = new Error("outer", { cause: inner });
chained.stack = "Error: outer\n    at g (a.js:9:1)\n    at f2 (a.js:2:1)\n    at f3 (a.js:3:1)\n    at f4 (a.js:4:1)\n    at f5 (a.js:5:1)";
console.log(chained);
class MyError extends Error {}
console.log(mk(MyError, "m", "Error: m"));
class NamedError extends Error { constructor(m) { super(m); this.name = "NamedError"; } }
console.log(mk(NamedError, "m", "NamedError: m"));
class HttpError extends Error { constructor(m, status) { super(m); this.status = status; } }
console.log({ res: mk(HttpError, "not found", "Error: not found\n    at h (h.js:1:1)") });
const renamed = mk(TypeError, "m", "TypeError: m"); renamed.name = "Custom";
console.log(renamed);
const validation = mk(Error, "m", "Error: m"); validation.name = "ValidationError";
console.log(validation);
const agg = new AggregateError([mk(Error, "a", "Error: a"), mk(Error, "b", "Error: b")], "multi");
agg.stack = "AggregateError: multi";
console.log(agg);
const noStack = new Error("x"); noStack.stack = undefined;
console.log(noStack);
console.log(Object.create(Error.prototype));
console.log(mk(Error, "line1\nline2", "Error: line1\nline2\n    at q (q.js:1:1)"));
console.log(new Map([["e", mk(RangeError, "r", "RangeError: r")]]));
console.log({ a: { b: { c: Object.assign(mk(Error, "x", "Error: x"), { code: 1 }) } } });
console.log([1, 2].map((i) => mk(Error, "e" + i, "Error: e" + i)));
console.log("%s", mk(Error, "formatted", "Error: formatted"));
console.log("failed:", mk(SyntaxError, "bad token", "SyntaxError: bad token"));
