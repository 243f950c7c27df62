// String to number: Number(), unary +, parseInt/parseFloat, numeric
// literals, Number.is* predicates and integer conversions.
const inputs = ["42", " 42 ", "4 2", "", " ", "0x1F", "0b101", "0o17", "1e3", ".5", "5.", "-0", "+7", "1_000", "Infinity", "-Infinity", "infinity", "12px", "null", "\n\t3\r"];
for (const s of inputs) {
  console.log(`${JSON.stringify(s).padEnd(14)} Number=${String(Number(s)).padEnd(9)} parseInt=${String(parseInt(s)).padEnd(9)} parseFloat=${parseFloat(s)}`);
}
console.log([Number(null), Number(undefined), Number(true), Number([]), Number([5]), Number([1, 2]), Number({}), Number(new Date(5)), Number("0.0000001")].map(String).join(" "));
console.log(parseInt("101", 2) + " " + parseInt("ff", 16) + " " + parseInt("0xff") + " " + parseInt("0xff", 10) + " " + parseInt("08") + " " + parseInt("z1", 36) + " " + parseInt("12", 3) + " " + parseInt("9", 8) + " " + parseInt(0.0000005) + " " + parseInt("123", 0) + " " + parseInt("1", 37));
console.log(parseFloat("3.14abc") + " " + parseFloat("-.5e-3x") + " " + parseFloat("1e") + " " + parseFloat("e1") + " " + parseFloat("0x10") + " " + parseFloat("1.7976931348623159e308"));
console.log(`${1_000_000} ${0xff} ${0b1111} ${0o777} ${1e-3} ${.5e1} ${0.1e-0} ${017 === undefined ? "" : "legacy octal " + 017} ${08}`);
console.log(`${Number.isInteger(5.0)} ${Number.isInteger(5.5)} ${Number.isInteger("5")} ${Number.isSafeInteger(2 ** 53)} ${Number.isSafeInteger(2 ** 53 - 1)} ${Number.isFinite("5")} ${isFinite("5")} ${Number.isNaN("x")} ${isNaN("x")}`);
console.log(`${Object.is(NaN, NaN)} ${NaN === NaN} ${Object.is(0, -0)} ${0 === -0} ${1 / -0} ${Math.sign(-0)} ${[NaN].findIndex(Number.isNaN)}`);
console.log(`${"5" * "2"} ${"5" + 2} ${"5" - 2} ${true + 1} ${null + 1} ${undefined + 1} ${[] + []} ${[] + {}} ${"3" > "12"} ${3 > "12"} ${"b" * 1}`);
console.log(`${~~"7.9"} ${"7.9" | 0} ${-7.9 | 0} ${Math.trunc(-7.9)} ${2 ** 32 | 0} ${(2 ** 31) | 0} ${(2 ** 32 + 5) >>> 0} ${-1 >>> 0} ${1 << 31} ${1 << 32}`);
console.log(`${(0.1 + 0.2 === 0.3)} ${Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON} ${9007199254740992 + 1} ${9007199254740992 + 2} ${2 ** 1024} ${-(2 ** 1024)} ${5 / 0} ${0 / 0} ${-5 % 3} ${5.5 % 2}`);
const strict = (s) => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim()) ? Number(s) : NaN);
console.log(["12", "12px", "1e5", "-.5", "", "0x10"].map(strict).map(String).join(" "));
console.log(Number("  123  ") + Number("1e1000") + " " + Number("-1e-1000") + " " + (Number.parseFloat === parseFloat));
