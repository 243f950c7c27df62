// try/catch/finally control flow: return overriding, finally after break
// and continue, nested rethrow, optional catch binding.
const trace = [];
function f1() {
  try { trace.push("try"); return "from try"; }
  finally { trace.push("finally"); }
}
function f2() {
  try { return "try"; } finally { return "finally wins"; }
}
function f3() {
  try { throw new Error("lost"); } finally { return "finally swallows"; }
}
function f4() {
  let i = 0;
  try { i = 1; return i; } finally { i = 2; trace.push("i set to " + i); }
}
console.log(f1() + " / " + f2() + " / " + f3() + " / " + f4());
console.log(trace.join(", "));
const loopTrace = [];
for (let i = 0; i < 4; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    loopTrace.push("body" + i);
  } finally {
    loopTrace.push("fin" + i);
  }
}
console.log(loopTrace.join(" "));
function nested() {
  const log = [];
  try {
    try {
      throw new TypeError("inner");
    } catch (e) {
      log.push("caught " + e.name);
      throw new RangeError("rethrown");
    } finally {
      log.push("inner finally");
    }
  } catch (e) {
    log.push("outer caught " + e.name);
  } finally {
    log.push("outer finally");
  }
  return log.join(" > ");
}
console.log(nested());
try { JSON.parse("?"); } catch { console.log("optional catch binding works"); }
function* genFinally() {
  try { yield 1; yield 2; } finally { console.log("generator finally on return"); }
}
for (const v of genFinally()) { console.log("got " + v); break; }
async function asyncFinally() {
  try { await Promise.reject(new Error("async fail")); }
  catch (e) { return "recovered from " + e.message; }
  finally { console.log("async finally"); }
}
asyncFinally().then((v) => console.log(v));
label: try {
  console.log("before break");
  break label;
} finally {
  console.log("finally after labelled break");
}
let count = 0;
const retry = () => { count++; if (count < 3) throw new Error("flaky"); return "ok after " + count; };
let result;
while (true) { try { result = retry(); break; } catch { /* retry */ } }
console.log(result);
