// Text written to stdout/stderr is UTF-8: a lone surrogate (possible in a
// JS string, not encodable in UTF-8) comes out as U+FFFD, as node writes
// it, so the output stays valid UTF-8.  Pairs are encoded normally.
console.log("lone high [\ud800] lone low [\udc00] pair [\ud83d\ude00]");
console.log("cut pair: " + "😀".slice(0, 1) + "|" + "😀".slice(1));
console.error("stderr too: \udfff");
console.log(JSON.stringify("\ud800") + " stays escaped in JSON");
