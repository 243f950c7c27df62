// A thenable that resolves with itself: awaiting it never settles, and
// every round is one more job.
// expect: ETIMEOUT
// config: time=300
const t = { then(resolve) { resolve(t); } };
await t;
