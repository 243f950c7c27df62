// lastIndex with g and y flags, exec loops, replace with functions and
// special patterns, split with captures and limits, RegExp from strings.
const re = /\d+/g;
let m;
const found = [];
while ((m = re.exec("a1 b22 c333")) !== null) found.push(m[0] + "@" + m.index + "/" + re.lastIndex);
console.log(found.join(" ") + " final lastIndex " + re.lastIndex);

const sticky = /foo/y;
sticky.lastIndex = 3;
console.log(sticky.test("barfoo") + " " + sticky.lastIndex + " " + sticky.test("barfoo") + " " + sticky.lastIndex);

function tokenize(src) {
  const tok = /\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(\*\*|[-+*/()^]))/y;
  const out = [];
  let t;
  while (tok.lastIndex < src.length && (t = tok.exec(src))) {
    out.push(t[1] !== undefined ? "num:" + t[1] : t[2] !== undefined ? "id:" + t[2] : "op:" + t[3]);
  }
  return out.join(" ") + (tok.lastIndex < src.length ? " !stuck@" + tok.lastIndex : "");
}
console.log(tokenize("x1 + 2.5 * (y - 3) ** 2"));
console.log(tokenize("a + $"));

console.log("aaa".replace(/a/g, "$&$&") + " " + "abc".replace(/b/, "[$`|$']") + " " + "x".replace(/x/, "$$") + " " + "ab".replace(/(a)(b)/, "$2$1$3"));
console.log("one two three".replace(/\b\w/g, (c) => c.toUpperCase()));
console.log("2+3=5, 10+20=30".replace(/(\d+)\+(\d+)=(\d+)/g, (all, a, b, sum, off) => `${a}+${b}${+a + +b === +sum ? "=" : "!="}${sum}@${off}`));
console.log("a.b.c".replaceAll(".", "/") + " " + "aXbXc".replaceAll(/x/gi, "-"));
try {
  "abc".replaceAll(/b/, "x");
} catch (e) {
  console.log("replaceAll non-global: " + e.name);
}
console.log(JSON.stringify("a1b2c3".split(/(\d)/)) + " " + JSON.stringify("a,b,,c".split(",", 2)) + " " + JSON.stringify("".split(",")) + " " + JSON.stringify("".split("")));
const dyn = new RegExp("^" + "a.b*c".replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "$");
console.log(dyn.source + " " + dyn.test("a.b*c") + " " + dyn.test("axbbc"));
console.log(new RegExp(/x/g, "i").flags + " " + /a/gimsuy.flags + " " + new RegExp("a", "dg").hasIndices);
const glob = /o/g;
console.log("foo boo".match(glob).length + " lastIndex after match " + glob.lastIndex);
console.log(/(a)|(b)/.exec("b").map(String).join(","));
console.log("multi\nline\ntext".match(/^\w+$/gm).join(",") + " " + /a.b/s.test("a\nb") + " " + /a.b/.test("a\nb"));
