// Number to string: toFixed, toPrecision, toExponential, toString(radix),
// and the default shortest round-trip form with its exponent thresholds.
const vals = [0, 1, -1.5, 0.000001234, 123.456, 1e21, 1.005, 2.5, -0.5, 1234.5678, 5e-7, 99.995];
for (const v of vals) {
  console.log(`${String(v).padEnd(12)} fixed(2)=${v.toFixed(2)} prec(3)=${v.toPrecision(3)} exp(2)=${v.toExponential(2)}`);
}
console.log([1e20, 1e21, 123456789012345680000, 0.000001, 0.0000001, 1.5e-7, 2 ** 53, 2 ** 64, -1e-7, 1 / 3, 2 / 3, 0.1 + 0.2, 100, 1e100].map(String).join(" "));
console.log([Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER].map(String).join(" "));
console.log((255).toString(16) + " " + (255).toString(2) + " " + (-255).toString(36) + " " + (0.5).toString(2) + " " + (0.1).toString(3).slice(0, 12) + " " + (3.75).toString(16) + " " + (1e21).toString(36).length);
console.log((1.45).toFixed(1) + " " + (1.55).toFixed(1) + " " + (8.345).toFixed(2) + " " + (0).toFixed(0) + " " + (-0).toFixed(2) + " " + (1e21).toFixed(2) + " " + (0.5).toFixed(0) + " " + (1.5).toFixed(0) + " " + (2.5).toFixed(0) + " " + (-1.5).toFixed(0));
console.log((123.456).toFixed(10) + " " + (0.1).toFixed(20) + " " + (1234.5678).toFixed());
console.log((123456).toPrecision(2) + " " + (0.00001).toPrecision(1) + " " + (1e-7).toPrecision(3) + " " + (123.456).toPrecision(10) + " " + (5).toPrecision(1) + " " + (99.99).toPrecision(3));
console.log((0).toExponential() + " " + (123456).toExponential() + " " + (1.5e300).toExponential(3) + " " + (-0.000123).toExponential(1) + " " + (1).toExponential(20));
console.log(NaN.toFixed(2) + " " + Infinity.toFixed(1) + " " + (-Infinity).toExponential() + " " + NaN.toString(2) + " " + (-0).toString() + " " + String(-0) + " " + `${-0}` + " " + JSON.stringify(-0) + " " + (-0).toPrecision(2));
for (const bad of [() => (1).toFixed(101), () => (1).toPrecision(0), () => (1).toExponential(-1), () => (1).toString(1), () => (1).toString(37)]) {
  try { bad(); console.log("no error"); } catch (e) { console.log(e.name); }
}
const money = (x) => (Math.round(x * 100) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
console.log(money(1234567.891) + " " + money(0.005) + " " + money(-42));
const pct = (x) => (x * 100).toFixed(1) + "%";
console.log(pct(0.12345) + " " + pct(1) + " " + pct(0.0005));
console.log([0.1 * 3, 0.3, 1.1 * 1.1, 4.35 * 100, 1.15 * 100, 9007199254740993, 0.1 ** 2].map(String).join(" "));
console.log((25).toString(36) + " " + parseInt("z", 36) + " " + (Math.PI).toFixed(15) + " " + Math.PI + " " + Math.E.toPrecision(21));
