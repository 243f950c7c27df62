// Runaway recursion throws QuickJS's InternalError "stack overflow"
// (node: RangeError), documented in docs/javascript.md; it is catchable
// and the sandbox keeps working, also for a second overflow.
function down(n) { return down(n + 1) + 1; }
for (let round = 1; round <= 2; round++) {
  try {
    down(0);
  } catch (e) {
    console.log(`round ${round}: ${e.name}: ${e.message} (instanceof Error ${e instanceof Error})`);
  }
}
let depth = 0;
function measure() { depth++; measure(); }
try { measure(); } catch (e) { console.log("depth over 1000: " + (depth > 1000)); }
