// Hoisting of var and function declarations, the temporal dead zone of
// let/const/class, block scoping, and function declarations in blocks.
console.log("var before declaration: " + typeof hoistedVar + " " + hoistedVar);
var hoistedVar = "now set";
console.log("function before declaration: " + hoistedFn());
function hoistedFn() { return "hoisted fn"; }
try { tdzLet; } catch (e) { console.log("let in TDZ: " + e.name); }
let tdzLet = 1;
try { new TdzClass(); } catch (e) { console.log("class in TDZ: " + e.name); }
class TdzClass {}
try { typeof tdzConst; } catch (e) { console.log("typeof in TDZ throws: " + e.name); }
const tdzConst = 2;
console.log("typeof undeclared: " + typeof totallyUndeclared);
{
  let blockScoped = "inner";
  var functionScoped = "leaks";
  console.log("inside block " + blockScoped);
}
console.log("after block: " + typeof blockScoped + " " + functionScoped);
function shadow() {
  const out = [];
  let x = "outer";
  {
    out.push(typeof x === "string" ? "before inner decl" : "?");
    let y = x + "+";
    {
      let x = "inner";
      out.push(x + " " + y);
    }
  }
  out.push(x);
  return out.join(" | ");
}
console.log(shadow());
function defaults(a = b, b = 2) { return a + b; }
try { defaults(); } catch (e) { console.log("default param TDZ: " + e.name); }
console.log("defaults(1) = " + defaults(1));
function varRedeclare() { var v = 1; var v; return v; }
console.log("var redeclare keeps value: " + varRedeclare());
const fnExpr = function named() { return typeof named; };
console.log("named function expression: " + fnExpr() + " outside: " + typeof named);
function hoistInner() {
  return inner();
  function inner() { return "declared after return"; }
}
console.log(hoistInner());
var counter = 0;
for (var i = 0; i < 3; i++) { counter += i; }
console.log("loop var visible after: " + i + " " + counter);
try { eval("let dup = 1; let dup = 2;"); } catch (e) { console.log("duplicate let: " + e.name); }
const fnInLoop = [];
for (const k of ["a", "b"]) { function inBlock() { return k; } fnInLoop.push(inBlock()); }
console.log("function in block " + fnInLoop.join(""));
console.log(`this at top level is an object: ${typeof this === "object" || typeof this === "undefined"}`);
