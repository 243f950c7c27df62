// Math functions on exact and edge inputs (results that IEEE/spec pin down,
// plus common approximations printed at reduced precision).
const p = (x) => (Object.is(x, -0) ? "-0" : String(x));
console.log([Math.abs(-3), Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sign(NaN)].map(p).join(" "));
console.log([Math.floor(-1.5), Math.ceil(-1.5), Math.round(-1.5), Math.round(1.5), Math.round(2.5), Math.round(-2.5), Math.round(-0.4), Math.round(0.49999999999999994), Math.trunc(-0.9), Math.ceil(-0.5)].map(p).join(" "));
console.log([Math.max(), Math.min(), Math.max(1, NaN), Math.max(-0, 0), Math.min(0, -0), Math.max(..."123")].map(p).join(" "));
console.log([Math.sqrt(16), Math.sqrt(-1), Math.sqrt(-0), Math.cbrt(-27), Math.hypot(3, 4), Math.hypot(), Math.hypot(3, 4, 12), Math.hypot(NaN, Infinity)].map(p).join(" "));
console.log([2 ** 10, 2 ** -1, (-8) ** (1 / 3), 0 ** 0, NaN ** 0, 1 ** Infinity, Math.pow(2, 0.5) === Math.SQRT2, 10 ** 21, 10 ** 5].map(p).join(" "));
console.log([Math.exp(0), Math.log(1), Math.log(0), Math.log(-1), Math.log2(1024), Math.log10(1e6), Math.expm1(0), Math.log1p(0), Math.log2(8) === 3].map(p).join(" "));
console.log([Math.sin(0), Math.cos(0), Math.tan(0), Math.atan2(0, -1) === Math.PI, Math.atan2(-0, 1), Math.asin(2), Math.acos(1), Math.atan(Infinity) === Math.PI / 2].map(p).join(" "));
console.log([Math.sin(Math.PI / 6), Math.cos(Math.PI / 3), Math.tan(Math.PI / 4), Math.sinh(1), Math.cosh(1), Math.tanh(0.5), Math.asinh(1), Math.acosh(2), Math.atanh(0.5), Math.exp(1), Math.log(10)].map((x) => x.toFixed(10)).join(" "));
console.log([Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.imul(0xffffffff, 5), Math.imul(3, 4), Math.fround(5.5), Math.fround(5.05) === 5.05, Math.fround(2 ** 128)].map(p).join(" "));
console.log([Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT1_2, Math.SQRT2].map((x) => x.toFixed(12)).join(" "));
const stats = (xs) => {
  const n = xs.length, mean = xs.reduce((a, b) => a + b) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const sorted = xs.toSorted((a, b) => a - b);
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return `mean=${mean.toFixed(4)} sd=${sd.toFixed(4)} median=${median}`;
};
console.log(stats([2, 4, 4, 4, 5, 5, 7, 9]) + " | " + stats([1.5, 2.5, 10]));
const gcd = (a, b) => (b ? gcd(b, a % b) : Math.abs(a));
console.log(`gcd ${gcd(1071, 462)} lcm ${(21 * 6) / gcd(21, 6)} ${gcd(-12, 18)}`);
const primes = [];
for (let n = 2; primes.length < 15; n++) if (primes.every((q) => q * q > n || n % q)) primes.push(n);
console.log("primes " + primes.join(","));
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
console.log(`clamp ${clamp(5, 0, 3)} ${clamp(-5, 0, 3)} lerp ${(1 - 0.25) * 10 + 0.25 * 20} deg ${(180 / Math.PI * Math.atan2(1, 1))}`);
const r = Math.random();
console.log(`random in [0,1): ${r >= 0 && r < 1} ${typeof Math.random()}`);
let integral = 0;
const N = 100000;
for (let i = 0; i < N; i++) { const x = (i + 0.5) / N; integral += 4 / (1 + x * x); }
console.log("pi by midpoint rule " + (integral / N).toFixed(8));
