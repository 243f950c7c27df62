// Symbols (unique, registered, well-known) and the iterator protocol by hand.
const s1 = Symbol("id"), s2 = Symbol("id");
console.log(`${s1 === s2} ${s1.toString()} ${s1.description} ${Symbol().description} ${typeof s1}`);
console.log(`${Symbol.for("app") === Symbol.for("app")} ${Symbol.keyFor(Symbol.for("app"))} ${Symbol.keyFor(s1)}`);
const obj = { [s1]: "hidden", visible: 1 };
console.log(`${JSON.stringify(obj)} ${Object.keys(obj)} ${Object.getOwnPropertySymbols(obj).length} ${obj[s1]}`);
class Range {
  constructor(from, to, step = 1) { Object.assign(this, { from, to, step }); }
  [Symbol.iterator]() {
    let cur = this.from;
    const { to, step } = this;
    return {
      next: () => (cur <= to ? { value: (cur += step) - step, done: false } : { value: undefined, done: true }),
      [Symbol.iterator]() { return this; },
    };
  }
  get [Symbol.toStringTag]() { return "Range"; }
  [Symbol.toPrimitive](hint) { return hint === "number" ? this.to - this.from : `${this.from}..${this.to}`; }
}
const r = new Range(1, 10, 3);
console.log(`${[...r]} ${Array.from(r, (x) => x * x)} ${Math.max(...r)} ${String(r)} ${+r} ${Object.prototype.toString.call(r)}`);
const it = r[Symbol.iterator]();
console.log(JSON.stringify([it.next(), it.next(), it.next(), it.next(), it.next()]));
const [x, , y] = new Range(5, 9);
console.log(`destructured ${x} ${y}`);
const arrIt = ["a", "b"][Symbol.iterator]();
console.log(`${Object.prototype.toString.call(arrIt)} ${arrIt.next().value} ${[...arrIt]} ${JSON.stringify(arrIt.next())}`);
const strIt = "ab"[Symbol.iterator]();
console.log(Object.prototype.toString.call(strIt) + " " + typeof strIt[Symbol.iterator]);
const collection = {
  items: ["x", "y", "z"],
  *[Symbol.iterator]() { yield* this.items; },
};
console.log("generator iterator " + [...collection].join(""));
const spreadable = { length: 2, 0: "p", 1: "q", [Symbol.isConcatSpreadable]: true };
console.log("isConcatSpreadable " + ["o"].concat(spreadable).join(""));
class MyArr extends Array { static get [Symbol.species]() { return Array; } }
console.log("species " + (new MyArr(1, 2, 3).map((v) => v).constructor === Array));
const matcher = { [Symbol.match](s) { return s.includes("42") ? ["42"] : null; } };
console.log("Symbol.match " + JSON.stringify("the 42 answer".match(matcher)));
const weird = { [Symbol.toPrimitive]: () => 7 };
console.log(`toPrimitive ${weird * 2} ${weird + 1} ${`${weird}`}`);
try { Symbol() + ""; } catch (e) { console.log("implicit symbol conversion: " + e.name); }
try { new Symbol(); } catch (e) { console.log("new Symbol: " + e.name); }
console.log(`${Object(s1) instanceof Symbol} ${typeof Object(s1)}`);
console.log(["iterator", "asyncIterator", "hasInstance", "toPrimitive", "toStringTag", "species", "unscopables"].map((k) => typeof Symbol[k]).join(","));
