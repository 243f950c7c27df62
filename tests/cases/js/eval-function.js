// eval (direct and indirect) and the Function constructor.
var globalName = "global";
function direct() { const globalName = "local"; return eval("globalName"); }
function indirect() { const onlyLocal = "local"; return (0, eval)("typeof onlyLocal"); }
console.log("direct eval sees locals: " + direct() + "; indirect eval does not: " + indirect());
console.log("eval value of last statement: " + eval("1; 2; if (true) { 3 } else { 4 }"));
console.log("eval of non-string returns it: " + eval(42) + " " + typeof eval({}));
function defines() { eval("var madeByEval = 'yes'"); return madeByEval; }
console.log("var from eval in function: " + defines() + ", outside: " + typeof madeByEval);
function strictEval() { "use strict"; eval("var s = 1"); return typeof s; }
console.log("strict eval has its own scope: " + strictEval());
const add = new Function("a", "b", "return a + b");
console.log("Function ctor " + add(2, 3) + " length " + add.length + " name " + add.name);
const fromParts = Function("a, b = 10", "...rest", "return a + b + rest.length");
console.log("params with defaults and rest " + fromParts(1) + " " + fromParts(1, 2, 3, 4));
function scopeTest() { const hidden = 1; return new Function("return typeof hidden")(); }
console.log("Function ctor uses global scope: " + scopeTest());
const calc = (expr) => Function(`"use strict"; return (${expr});`)();
console.log("calc " + ["2 + 3 * 4", "(2 + 3) * 4", "2 ** 10 - 1", "Math.max(3, 7) / 2"].map(calc).join(" "));
const AsyncFunction = (async () => {}).constructor;
const GeneratorFunction = function* () {}.constructor;
const asyncFn = new AsyncFunction("x", "return await x * 2");
const genFn = new GeneratorFunction("n", "for (let i = 0; i < n; i++) yield i");
asyncFn(Promise.resolve(21)).then((v) => console.log("AsyncFunction ctor " + v + " gen " + [...genFn(4)].join(",")));
console.log(`${typeof eval("(function () {})")} ${eval("({ a: 1 })").a} ${eval("[1, 2]").length} ${eval("'use strict'; typeof this")}`);
try { eval("}"); } catch (e) { console.log("eval syntax error: " + e.name + " instanceof SyntaxError " + (e instanceof SyntaxError)); }
try { new Function("return }"); } catch (e) { console.log("Function syntax error: " + e.name); }
const json = '{"a":[1,2,{"b":null}]}';
console.log("eval as JSON parser: " + JSON.stringify(eval("(" + json + ")")));
