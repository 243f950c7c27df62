// Boxed primitives, typed arrays, ArrayBuffer and DataView.
console.log(new Number(3), new String("x"), new Boolean(false), Object(1n), Object(Symbol("q")));
console.log(new Number(-0), new String("it's"), Object.assign(new String("ab"), { x: 1 }));
console.log(Object.assign(new Boolean(true), { a: 1 }));
console.log([new Number(1), new String("")]);
console.log(new String("x".repeat(100)));
console.log(new Uint8Array([1, 2, 3]), new Uint8Array(0));
console.log(new Float64Array([1.5, -0, NaN]), new Float32Array([0.1, 1 / 3]));
console.log(new BigInt64Array([1n, -2n]), new BigUint64Array(10).map((_, i) => BigInt(i) * 1000n));
console.log(new Int16Array(150).map((_, i) => i - 75));
console.log(Uint8Array.from({ length: 30 }, (_, i) => i * 8));
console.log(new Uint8ClampedArray([300, -5]), new Int8Array([127, -128]), new Uint32Array([4294967295]));
console.log(new Float64Array([1.25, 2.5, 3.75, 4, 5, 6, 7]));
console.log(Object.assign(new Uint8Array(2), { x: 1 }));
console.log({ a: { b: { c: new Uint8Array(2) } } });
console.log(new Uint8Array([1, 2]).buffer, new ArrayBuffer(0));
console.log(new ArrayBuffer(120));
console.log({ a: { b: { c: new ArrayBuffer(2) } } });
console.log(new DataView(new ArrayBuffer(2)));
console.log(new DataView(new ArrayBuffer(4), 1, 2));
console.log({ bytes: new Uint8Array([222, 173, 190, 239]) });
console.log(new TextEncoderLike("hi"));
function TextEncoderLike(s) { return Uint8Array.from(s, (ch) => ch.charCodeAt(0)); }
