// Deep but bounded recursion works; unbounded recursion throws a catchable
// RangeError and the script continues normally afterwards.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log("depth 2000: " + depth(2000));
function sumTo(n, acc = 0) { return n === 0 ? acc : sumTo(n - 1, acc + n); }
console.log("sumTo 1500: " + sumTo(1500));
function forever(n) { return forever(n + 1) + 1; }
try {
  forever(0);
  console.log("no error?!");
} catch (e) {
  // node throws RangeError, QuickJS InternalError (documented in docs/javascript.md)
  console.log("runaway recursion caught: " + (e instanceof Error) + " " + ["RangeError", "InternalError"].includes(e.name));
}
const obj = {};
obj.self = obj;
function walk(o, seen = new Set()) {
  if (seen.has(o)) return "cycle";
  seen.add(o);
  return walk(o.self, seen);
}
console.log("cycle detection: " + walk(obj));
const ackermann = (m, n) => (m === 0 ? n + 1 : n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1)));
console.log("ackermann(2, 3) = " + ackermann(2, 3) + ", ackermann(3, 3) = " + ackermann(3, 3));
const hanoi = (n, from, to, via, moves = []) => {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  return hanoi(n - 1, via, to, from, moves);
};
console.log("hanoi(4): " + hanoi(4, "A", "C", "B").join(" "));
const nested = JSON.parse("[".repeat(500) + "]".repeat(500));
let d = 0;
for (let x = nested; Array.isArray(x) && x.length; x = x[0]) d++;
console.log("nested arrays depth " + (d + 1));
function mutualEven(n) { return n === 0 ? true : mutualOdd(n - 1); }
function mutualOdd(n) { return n === 0 ? false : mutualEven(n - 1); }
console.log("mutual recursion: " + mutualEven(1000) + " " + mutualOdd(777));
const deep = [];
let cur = deep;
for (let i = 0; i < 3000; i++) { const next = [i]; cur.push(next); cur = next; }
const deepJSON = JSON.stringify(deep);
console.log("deep JSON.stringify: " + deepJSON.length + " chars, round trip " + (JSON.stringify(JSON.parse(deepJSON)) === deepJSON));
console.log("still running after the overflow");
