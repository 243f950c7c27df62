// BigInt.asUintN / asIntN across widths, checked against the arithmetic
// definition (x mod 2^bits), including widths that are multiples of 32/64
// and negative inputs (QuickJS bellard/quickjs#557, patched in the sandbox).
const xs = [0n, 1n, -1n, -2n, 255n, -256n, 2n ** 31n, -(2n ** 31n), 2n ** 32n - 1n, 2n ** 63n,
  -(2n ** 63n), 2n ** 64n - 1n, 2n ** 64n, -(2n ** 64n) - 1n, 2n ** 100n + 12345n, -(2n ** 100n) + 7n];
const widths = [0, 1, 8, 16, 31, 32, 33, 53, 63, 64, 65, 96, 100, 127, 128, 129, 256];
let bad = 0;
for (const x of xs) {
  for (const w of widths) {
    const m = 1n << BigInt(w);
    const u = ((x % m) + m) % m;
    const i = w > 0 && u >= m / 2n ? u - m : u;
    const gu = BigInt.asUintN(w, x), gi = BigInt.asIntN(w, x);
    if (gu !== u || gi !== i) {
      bad++;
      console.log(`mismatch w=${w} x=${x}: asUintN=${gu} (want ${u}) asIntN=${gi} (want ${i})`);
    }
  }
}
console.log(`checked ${xs.length * widths.length} pairs, ${bad} mismatches`);
console.log(String(BigInt.asUintN(64, -1n)));
console.log(String(BigInt.asUintN(32, -1n)));
console.log(String(BigInt.asUintN(64, 2n ** 63n)));
console.log(String(BigInt.asUintN(128, -1n)));
console.log(String(BigInt.asUintN(40, -5n)));
console.log(String(BigInt.asIntN(64, 18446744073709551615n)));
console.log(String(BigInt.asIntN(32, 2147483648n)));
console.log(String(BigInt.asUintN(64, 12345678901234567890123n)));
console.log(BigInt.asUintN(3, 1000n) + " " + BigInt.asIntN(3, 7n) + " " + BigInt.asUintN(0, 99n) + " " + BigInt.asIntN(0, -99n));
console.log(BigInt.asUintN(2 ** 40, 5n) + " " + BigInt.asIntN(2 ** 40, -5n));
// FNV-1a 64-bit, the usual asUintN use
function fnv1a(s) {
  let h = 0xcbf29ce484222325n;
  for (const c of new TextEncoderLike(s)) h = BigInt.asUintN(64, (h ^ BigInt(c)) * 0x100000001b3n);
  return h.toString(16).padStart(16, "0");
}
function TextEncoderLike(s) { return [...s].map((ch) => ch.codePointAt(0) & 0xff); }
for (const s of ["", "a", "foobar", "wasmbox"]) console.log(`fnv1a64(${JSON.stringify(s)}) = ${fnv1a(s)}`);
for (const [w, v] of [[-1, 1n], [2 ** 53, 1n]]) {
  try { BigInt.asUintN(w, v); console.log("accepted " + w); } catch (e) { console.log("width " + w + ": " + e.name); }
}
