// yield* delegation: values, return values, and forwarding of next/throw/return.
function* inner() {
  const x = yield "inner-1";
  console.log("inner got " + x);
  try {
    yield "inner-2";
  } finally {
    console.log("inner cleanup");
  }
  return "inner-result";
}
function* outer() {
  yield "outer-start";
  const r = yield* inner();
  console.log("delegate returned " + r);
  yield* ["a", "b"];
  yield* "xy";
  return "outer-done";
}
const g = outer();
const steps = [];
let s = g.next("ignored");
while (!s.done) {
  steps.push(s.value);
  s = g.next("v" + steps.length);
}
console.log(steps.join(",") + " -> " + s.value);

// return() forwarded into the delegate runs its finally
const g2 = outer();
g2.next();
g2.next();
g2.next("X");
console.log(JSON.stringify(g2.return("early")));
console.log(JSON.stringify(g2.next()));

// throw() forwarded into the delegate
function* catcher() {
  while (true) {
    try {
      yield "waiting";
    } catch (e) {
      console.log("catcher caught " + e);
      return "recovered";
    }
  }
}
function* wrap() { const r = yield* catcher(); yield "after " + r; }
const g3 = wrap();
g3.next();
console.log(JSON.stringify(g3.throw("boom")));
console.log(JSON.stringify(g3.next()));

// recursive delegation: tree walk
function* walk(node, depth = 0) {
  yield "  ".repeat(depth) + node.name;
  for (const c of node.children || []) yield* walk(c, depth + 1);
}
const tree = { name: "root", children: [{ name: "a", children: [{ name: "a1" }] }, { name: "b" }] };
for (const line of walk(tree)) console.log(line);
console.log([...walk(tree)].length);
