// QuickJS stack traces as the sandbox shows them: the script is always
// "script.js", frames are "at NAME (script.js:LINE:COL)", top-level code
// is <eval>, built-ins are (native).
function level3() {
  throw new Error("deep");
}
function level2() { return level3(); }
const level1 = () => level2();
try {
  level1();
} catch (e) {
  console.log(e.stack);
}
class Parser {
  parse(text) {
    return text.split(",").map((x) => this.item(x));
  }
  item(x) {
    if (x === "") throw new SyntaxError("empty item");
    return x;
  }
}
try {
  new Parser().parse("a,,b");
} catch (e) {
  console.log(e.name + ": " + e.message);
  console.log(e.stack);
}
const e2 = new TypeError("made, not thrown");
console.log(e2.stack.split("\n").length + " " + JSON.stringify(e2.stack.split("\n")[0]));
console.log(typeof e2.stack + " " + Object.prototype.hasOwnProperty.call(e2, "stack"));
