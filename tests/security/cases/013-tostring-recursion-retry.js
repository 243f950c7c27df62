// toString that coerces itself (stack overflow), retried forever.
// expect: ETIMEOUT
// config: time=300
const o = { toString() { return String(this) + 'x'; } };
for (;;) { try { '' + o; } catch (e) {} }
