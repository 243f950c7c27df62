// Lookahead, lookbehind, lazy quantifiers, backtracking and alternation.
const price = "costs $42.50, €13 and $7";
console.log(price.match(/(?<=\$)\d+(\.\d+)?/g).join(" "));
console.log(price.match(/(?<!\$)\b\d+\b(?!\.)/g).join(" "));
console.log("1234567.891".replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ","));
console.log("1234567".replace(/\B(?=(\d{3})+$)/g, ","));
const pw = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,}$/;
for (const p of ["password", "Passw0rd", "P4s", "ALLUPPER1a"]) console.log(p + " " + pw.test(p));
console.log("<b>bold</b><i>it</i>".match(/<.+?>/g).join(""));
console.log("<b>bold</b><i>it</i>".match(/<.+>/g).length);
console.log(/^(a+)+b$/.test("aaaaaaaaaaaaaaaaaab") + " " + /(x+x+)+y/.test("xxxxxxxxxy"));
console.log("abcabc".match(/(?<=(b))c/g).length + " " + JSON.stringify(/(?<=(\d+)(\d+))$/.exec("1053")));
console.log(JSON.stringify(/(?<=\$(\d+)\.)\d+/.exec("$10.53")));
console.log("catdogcow".match(/cat|dog|cow/g).join("-") + " " + /^(?:ab|a)(?:bc|c)$/.test("abc"));
console.log(/(\w)\1/.exec("hello")[0] + " " + /(?<ch>.)\k<ch>{2}/.test("aaa"));
console.log("aaa".match(/a*?/)[0].length + " " + "aaa".match(/a{2,}?/)[0] + " " + "aaaa".match(/a{1,3}/g).join("|"));
console.log("x".repeat(5).replace(/x(?=x)/g, "x-"));
const words = "apple banana cherry apricot avocado";
console.log(words.match(/\ba\w*(?<!o)\b/g).join(","));
