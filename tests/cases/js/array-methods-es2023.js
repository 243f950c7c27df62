// ES2022/2023 array methods: at, findLast(Index), toSorted, toReversed,
// toSpliced, with, flat, flatMap, Object.hasOwn, Array.prototype.includes.
const a = [5, 1, 4, 2, 3];
console.log(`at ${a.at(0)} ${a.at(-1)} ${a.at(-6)} ${a.at(1.7)}`);
console.log(`findLast ${a.findLast((x) => x > 2)} findLastIndex ${a.findLastIndex((x) => x > 2)} ${a.findLastIndex((x) => x > 9)}`);
const sorted = a.toSorted();
const desc = a.toSorted((x, y) => y - x);
console.log(`toSorted ${sorted} desc ${desc} original ${a}`);
console.log(`toReversed ${a.toReversed()} original ${a}`);
console.log(`toSpliced ${a.toSpliced(1, 2, "x", "y", "z")} ${a.toSpliced(-1)} ${a.toSpliced()} original ${a}`);
console.log(`with ${a.with(0, 50)} ${a.with(-1, 30)} original ${a}`);
try { a.with(5, 0); } catch (e) { console.log("with out of range: " + e.name); }
const holes = [1, , 3];
console.log("toSorted fills holes: " + JSON.stringify(holes.toSorted()) + " with: " + JSON.stringify(holes.with(0, 0)) + " " + (1 in holes.toReversed()));
console.log("flat " + JSON.stringify([1, [2, [3, [4, [5]]]]].flat()) + " " + JSON.stringify([1, [2, [3, [4]]]].flat(Infinity)) + " " + JSON.stringify([1, , [2, , 3]].flat()));
console.log("flatMap " + JSON.stringify(["a b", "c"].flatMap((s) => s.split(" "))) + " " + JSON.stringify([1, 2, 3].flatMap((x) => (x % 2 ? [x, x * 10] : []))) + " " + JSON.stringify([1, 2].flatMap((x) => [[x]])));
console.log(`includes NaN ${[NaN].includes(NaN)} indexOf NaN ${[NaN].indexOf(NaN)} includes -0 ${[0].includes(-0)} from index ${[1, 2, 3].includes(1, 1)}`);
console.log(`hasOwn ${Object.hasOwn({ x: 1 }, "x")} ${Object.hasOwn(Object.create({ y: 1 }), "y")} ${Object.hasOwn([], "length")}`);
const arrLike = { length: 3, 0: "a", 2: "c" };
console.log("generic toReversed: " + JSON.stringify(Array.prototype.toReversed.call(arrLike)) + " at: " + Array.prototype.at.call(arrLike, -1));
console.log("Symbol.unscopables has toSorted: " + Array.prototype[Symbol.unscopables].toSorted + " " + Array.prototype[Symbol.unscopables].findLast);
const ta = new Uint8Array([3, 1, 2]);
console.log("typed toSorted " + ta.toSorted().join("") + " " + ta.join(""));
const people = [{ n: "a", age: 30 }, { n: "b", age: 25 }, { n: "c", age: 35 }];
console.log("youngest " + people.toSorted((p, q) => p.age - q.age)[0].n + " last over 26 " + people.findLast((p) => p.age > 26).n);
console.log("Array.from with map " + Array.from({ length: 5 }, (_, i) => i * i).join(",") + " of " + Array.of(7).length + " " + Array(7).length);
