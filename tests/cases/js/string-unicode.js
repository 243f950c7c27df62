// Strings are UTF-16: surrogate pairs, code points, normalization, iteration,
// and output of non-ASCII text.
const s = "naïve café 😀 𝒳 日本語";
console.log(s);
console.log("length " + s.length + " code points " + [...s].length);
console.log([..."a😀b"].map((c) => c.codePointAt(0).toString(16)).join(" ") + " | " + Array.from("a😀b", (c) => c.length).join(""));
console.log("😀".charCodeAt(0).toString(16) + " " + "😀".charCodeAt(1).toString(16) + " " + "😀".codePointAt(0) + " " + "😀".codePointAt(1));
console.log(String.fromCodePoint(0x1f600, 0x61, 0x10ffff).length + " " + String.fromCharCode(0xd83d, 0xde00) + " " + "\u{1F4A9}" + " " + ("\uD83D\uDCA9".normalize() === "\u{1F4A9}"));
const composed = "\u00e9", decomposed = "e\u0301";
console.log(`${composed === decomposed} ${composed.normalize("NFD") === decomposed} ${decomposed.normalize("NFC") === composed} ${decomposed.length} ${decomposed.normalize().length}`);
console.log("ﬁ".normalize("NFKC") + " " + "①".normalize("NFKD") + " " + "Å".normalize("NFD").length + " " + "한".normalize("NFD").length);
console.log("ß".toUpperCase() + " " + "İ".toLowerCase().length + " " + "Σ".toLowerCase() + " " + "ΌΣΟΣ".toLowerCase() + " " + "ǅ".toUpperCase() + "ǅ".toLowerCase());
console.log("😀x".slice(0, 1).length + " " + JSON.stringify("😀x".slice(1, 2)) + " " + JSON.stringify("😀".split("")) + " " + ("😀".at(0) === "\ud83d"));
console.log("reverse naive: " + JSON.stringify("a😀".split("").reverse().join("")) + " by code points: " + [..."a😀"].reverse().join(""));
const enc = [];
for (const ch of "Aé€😀") {
  const cp = ch.codePointAt(0);
  if (cp < 0x80) enc.push(cp);
  else if (cp < 0x800) enc.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) enc.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else enc.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}
console.log("utf8 by hand: " + enc.map((b) => b.toString(16)).join(" "));
console.log(encodeURIComponent("Aé€😀"));
try { encodeURIComponent("\ud800"); } catch (e) { console.log("lone surrogate encode: " + e.name); }
console.log(["b", "a", "é", "Z", "ä", "😀", "z"].sort().join(""));
console.log("\u0041\x42\103".length + " " + "\0".length + " " + "a\
b" + " " + "\u2028".length);
console.log(JSON.stringify("\u2028\u2029") + " " + JSON.stringify("\ud834") + " " + JSON.stringify("\ud834\udd1e"));
