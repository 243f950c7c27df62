// Which built-in error each mistake raises (names only: messages differ by engine).
const cases = {
  "call undefined": () => undefined(),
  "property of null": () => null.x,
  "undeclared variable": () => notDeclaredAnywhere,
  "const reassign": () => { const c = 1; c = 2; },
  "tdz": () => { x; let x = 1; },
  "invalid array length": () => new Array(-1),
  "toFixed range": () => (1).toFixed(101),
  "bad regexp": () => new RegExp("("),
  "json parse": () => JSON.parse("{"),
  "decodeURI": () => decodeURIComponent("%"),
  "new on arrow": () => new (() => {})(),
  "symbol to string": () => "" + Symbol("s"),
  "in on primitive": () => "a" in "abc",
  "frozen write strict": () => { "use strict"; Object.freeze({ a: 1 }).a = 2; },
  "define on non-extensible": () => Object.defineProperty(Object.preventExtensions({}), "x", { value: 1 }),
  "instanceof non-callable": () => ({}) instanceof {},
  "repeat negative": () => "x".repeat(-1),
  "bigint mix": () => 1n * 2,
  "eval syntax": () => eval("let let = 1"),
  "new Function syntax": () => new Function("return )"),
  "String.fromCodePoint": () => String.fromCodePoint(0x110000),
  "normalize form": () => "x".normalize("NFX"),
  "reduce empty": () => [].reduce((a, b) => a + b),
  "getter only strict": () => { "use strict"; const o = { get v() { return 1; } }; o.v = 2; },
  "delete non-configurable strict": () => { "use strict"; delete Object.prototype; },
  "super-long array": () => { const a = []; a.length = 2 ** 32; },
  "throw string": () => { throw "just a string"; },
};
for (const [label, fn] of Object.entries(cases)) {
  try {
    fn();
    console.log(label.padEnd(32) + " no error");
  } catch (e) {
    const kind = e instanceof Error ? e.name + (e.constructor === globalThis[e.name] ? "" : " (mismatched constructor)") : typeof e + " " + JSON.stringify(e);
    console.log(label.padEnd(32) + " " + kind);
  }
}
