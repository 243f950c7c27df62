// Tagged templates: strings/raw arrays, identity of the strings array,
// escapes, nesting and practical tags.
function show(strings, ...values) {
  return JSON.stringify({ strings: [...strings], raw: strings.raw, values });
}
console.log(show`a${1}b${"two"}c`);
console.log(show`${1}${2}`);
console.log(show`line\nbreak \u0041 \x41`);
console.log(show`bad escape \unicode`);
function first(strings) { return strings; }
const sites = [];
for (let i = 0; i < 2; i++) sites.push(first`same site`);
console.log("same call site shares strings: " + (sites[0] === sites[1]) + ", different site: " + (sites[0] === first`same site`));
console.log("frozen: " + Object.isFrozen(sites[0]) + " " + Object.isFrozen(sites[0].raw));
const html = (strings, ...vals) =>
  strings.reduce((out, s, i) => out + s + (i < vals.length ? String(vals[i]).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]) : ""), "");
const user = '<script>"x"&y</script>';
console.log(html`<p title="${user}">${user}</p>`);
const dedent = (strings, ...vals) => {
  const full = String.raw({ raw: strings }, ...vals);
  const lines = full.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join("\n").trimEnd();
};
console.log(dedent`
    function hello() {
      return ${JSON.stringify("world")};
    }
  `);
console.log(String.raw`\d+\.\d*` + " " + String.raw({ raw: ["x", "y", "z"] }, 1, 2, 3) + " " + String.raw({ raw: "abc" }, "-", "+"));
const sql = (strings, ...vals) => ({ text: strings.reduce((q, s, i) => q + "$" + i + s), params: vals });
console.log(JSON.stringify(sql`SELECT * FROM t WHERE a = ${5} AND b = ${"x"}`));
const tagReturnsFn = (s) => (x) => s[0] + x;
console.log(tagReturnsFn`prefix-`("value"));
console.log(`nested ${`inner ${1 + 1} ${`deepest`}`} done` + " " + `multi
line`.split("\n").length);
const obj = { method(strings, v) { return this.name + strings[0] + v; }, name: "obj" };
console.log(obj.method`:${"called as method"}`);
