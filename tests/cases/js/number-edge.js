// Floating point edge cases: -0, NaN, Infinity, precision limits,
// integer limits, and comparisons.
const show = (x) => (Object.is(x, -0) ? "-0" : String(x));
console.log([0 * -1, -0 + 0, -0 - 0, 0 / -5, Math.round(-0.4), -0 * -0, 1 / (-0), Math.min(0, -0)].map(show).join(" "));
console.log([NaN + 1, Infinity - Infinity, Infinity * 0, 0 / 0, Math.sqrt(-4), parseInt("x"), Number(undefined), NaN ** 0].map(show).join(" "));
console.log([Infinity + 1, -Infinity * -1, 1 / 0, -1 / 0, 2 ** 1024, Number.MAX_VALUE * 2, -Number.MAX_VALUE * 2, Infinity / Infinity].map(show).join(" "));
console.log(`${NaN == NaN} ${NaN != NaN} ${[NaN].includes(NaN)} ${new Set([NaN, NaN]).size} ${0 == -0} ${Object.is(0, -0)} ${null == 0} ${null >= 0} ${undefined == null} ${"" == 0} ${"0" == false} ${[] == false} ${[0] == false} ${[1] == 1}`);
console.log(`${0.1 + 0.2} ${0.1 * 3} ${1 - 0.9} ${0.3 - 0.1} ${1.1 + 2.2} ${100 * 1.1} ${3 * 1.1} ${0.57 * 100} ${1.005 * 1000}`);
console.log(`${2 ** 53} ${2 ** 53 + 1} ${2 ** 53 + 2} ${2 ** 53 - 1} ${Number.MAX_SAFE_INTEGER + 2} ${9007199254740993 === 9007199254740992}`);
console.log(`${Number.MIN_VALUE} ${Number.MIN_VALUE / 2} ${5e-324 * 0.5} ${2.2250738585072014e-308} ${1e-323} ${Number.MAX_VALUE} ${1.7976931348623157e308 * 1.0000000000000002}`);
console.log(`${1e16 + 1} ${1e16 + 2} ${123456789 * 987654321} ${12345678901234567890} ${0.1 ** 10} ${(1 / 3) * 3}`);
console.log(`${Math.round(1.4999999999999999)} ${Math.round(0.5 - Number.EPSILON / 4)} ${(0.1).toFixed(25)}`);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const kahan = (xs) => { let s = 0, c = 0; for (const x of xs) { const y = x - c, t = s + y; c = t - s - y; s = t; } return s; };
const tenths = Array(10).fill(0.1);
console.log(`naive sum of ten 0.1: ${sum(tenths)}, kahan: ${kahan(tenths)}`);
console.log(`${(-7) % 3} ${7 % -3} ${-7 % -3} ${5.5 % 1} ${-5.5 % 1} ${Infinity % 2} ${2 % Infinity} ${0 % 5} ${show(-0 % 5)} ${show(-1 % 1)}`);
const mod = (a, n) => ((a % n) + n) % n;
console.log(`true modulo ${mod(-7, 3)} ${mod(7, -3)} ${mod(-1, 5)}`);
console.log(`${Number.EPSILON === 2 ** -52} ${1 + Number.EPSILON > 1} ${1 + Number.EPSILON / 2 > 1} ${Math.abs(0.3 - (0.1 + 0.2)) < Number.EPSILON}`);
console.log(`${Math.max(NaN, 1)} ${Math.min(undefined, 1)} ${Math.max(null, -1)} ${[3, NaN, 1].sort().join()} ${[3, NaN, 1].sort((a, b) => a - b).length}`);
console.log(`${typeof NaN} ${typeof Infinity} ${Number.isNaN(NaN)} ${isNaN("abc")} ${Number.isNaN("abc")} ${isFinite(null)} ${Number.isFinite(null)}`);
console.log(`${(123.456e5).toString()} ${(1e21 + 1).toString()} ${(-1e-7).toString()} ${(1e-6).toString()} ${(0.000001).toString()} ${(1.23e-5).toString()}`);
