// Array lengths one past the limit, in every way of asking.
// expect: OK
// value: ["RangeError","RangeError","RangeError"]
const errs = [];
for (const f of [() => new Array(2 ** 32), () => { const a = []; a.length = 2 ** 32; }, () => Array(-1)]) {
  try { f(); errs.push('no error'); } catch (e) { errs.push(e.name); }
}
errs
