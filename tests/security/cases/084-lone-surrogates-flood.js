// Lone surrogates in a flood: output stays valid UTF-8 (U+FFFD) and is cut.
// expect: EOUTPUT
// config: output=64K time=5000
// stdout-contains: 𐀀��
for (;;) console.log('\uD800\uDC00\uDFFF\uD800'.repeat(100));
