// BigInt arithmetic: big values, division/modulo signs, powers, bitwise ops,
// comparisons with numbers, conversions and errors.
const f = (n) => { let r = 1n; for (let i = 2n; i <= n; i++) r *= i; return r; };
console.log("30! = " + f(30n));
console.log("2^128 = " + 2n ** 128n);
console.log("digits of 100!: " + f(100n).toString().length);
console.log("7/2=" + 7n / 2n + " -7/2=" + -7n / 2n + " 7%-2=" + 7n % -2n + " -7%2=" + -7n % 2n);
const big = 123456789012345678901234567890n;
console.log(String(big * big));
console.log(big / 987654321n + " rem " + big % 987654321n);
console.log(big.toString(16) + " " + big.toString(36) + " " + (-255n).toString(2));
console.log(BigInt("0x1fffffffffffff") + " " + BigInt("0o777") + " " + BigInt("0b1010") + " " + BigInt("  42  ") + " " + BigInt(Number.MAX_SAFE_INTEGER) + " " + BigInt(true));
console.log((5n & 3n) + " " + (5n | 3n) + " " + (5n ^ 3n) + " " + ~5n + " " + (1n << 100n) + " " + (-1n >> 10n) + " " + (-(2n ** 70n) >> 3n));
console.log((0n == 0) + " " + (1n < 2) + " " + (2n > 1.5) + " " + (10n === 10) + " " + (typeof 10n) + " " + (1n == "1") + " " + [3n, 1, 2n, -1].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(","));
console.log(Number(2n ** 64n) + " " + Number(2n ** 53n + 1n) + " " + parseInt("123n") + " " + String(-0n) + " " + Object.is(0n, -0n));
console.log(BigInt.asIntN(8, 255n) + " " + BigInt.asUintN(8, -1n) + " " + BigInt.asIntN(64, 2n ** 63n) + " " + BigInt.asUintN(64, -1n));
function isqrt(n) { if (n < 2n) return n; let x = n, y = (x + 1n) / 2n; while (y < x) { x = y; y = (x + n / x) / 2n; } return x; }
console.log("isqrt(10^40+7) = " + isqrt(10n ** 40n + 7n));
function powmod(b, e, m) { let r = 1n; b %= m; while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; } return r; }
console.log("2^(10^18) mod 1e9+7 = " + powmod(2n, 10n ** 18n, 1000000007n));
for (const bad of [() => 1n + 1, () => BigInt(1.5), () => BigInt("1.5"), () => 1n / 0n, () => Math.sqrt(4n), () => +1n, () => 2n ** -1n, () => BigInt(NaN)]) {
  try { bad(); console.log("no error?!"); } catch (e) { console.log(e.name); }
}
console.log(`${1n}${-1n} ${(123n).toLocaleString === undefined} ${BigInt(-0)} ${0n ? "truthy" : "falsy"} ${!!1n}`);
