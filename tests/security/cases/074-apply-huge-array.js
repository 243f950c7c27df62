// Function.prototype.apply and spread with a million arguments.
// expect: OK
// value: ["RangeError","RangeError"]
const a = new Array(1e6).fill(1);
const r = [];
try { Math.max.apply(null, a); r.push('ok'); } catch (e) { r.push(e.name); }
try { String.fromCharCode(...a); r.push('ok'); } catch (e) { r.push(e.name); }
r
