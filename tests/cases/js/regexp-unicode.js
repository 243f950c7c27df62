// The u flag: code points, property escapes, case folding, surrogates; the v-free subset.
const s = "a😀b€c";
console.log(s.length + " " + [...s].length + " " + s.match(/./gu).length + " " + s.match(/./g).length);
console.log(/^.$/u.test("😀") + " " + /^.$/.test("😀"));
console.log(/\u{1F600}/u.test(s) + " " + /\u{61}/.test("a") + " " + /\u{61}/.test("u".repeat(61)));
console.log("Greek: " + "alpha α beta β Ωmega".match(/\p{Script=Greek}+/gu).join(","));
console.log("letters: " + "héllo wörld 123 ÆØÅ".match(/\p{L}+/gu).join("|"));
console.log("upper: " + "Hello World ÉCOLE".match(/\p{Lu}/gu).join(""));
console.log("digits: " + "1 ١ ۲ 3".match(/\p{Nd}/gu).join(","));
console.log("emoji: " + "I ❤️ 🍕 and 🎉!".match(/\p{Extended_Pictographic}/gu).join(""));
console.log(/\p{White_Space}/u.test("\u00a0") + " " + /\P{L}/u.test("x"));
console.log("case-insensitive: " + /straße/iu.test("STRAßE") + " " + /ſ/i.test("s") + " " + /ſ/iu.test("s") + " " + /\u212a/iu.test("k"));
console.log("😀😁😂".replace(/\p{Emoji_Presentation}/gu, "[$&]"));
console.log("lone surrogate: " + /\ud83d/.test("😀") + " " + /\ud83d/u.test("😀"));
console.log("split: " + "a😀b".split(/(?:)/u).length + " " + "a😀b".split("").length);
console.log(/[😀-😂]/u.test("😁") + " " + /^[^x]$/u.test("😀"));
try {
  new RegExp("\\p{NotAProperty}", "u");
} catch (e) {
  console.log("bad property: " + e.name);
}
try {
  new RegExp("\\-", "u");
  console.log("identity escape accepted");
} catch (e) {
  console.log("identity escape in u mode: " + e.name);
}
console.log(/[\w-]/.test("-") + " " + /\bé/u.test(" é") + " " + /\w/u.test("é"));
const re = /(?<year>\d{4})/u;
console.log(re.flags + " " + re.unicode + " " + re.source + " " + String(/a\/b/g));
