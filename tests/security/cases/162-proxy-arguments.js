// A Proxy as the argument object, whose traps answer differently on each
// read; the host checks the one serialisation it receives.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
let n = 0;
const p = new Proxy({}, {
  ownKeys() { return ['amount', 'to']; },
  getOwnPropertyDescriptor(t, k) { return { value: this.get(t, k), enumerable: true, configurable: true }; },
  get(t, k) { if (k === 'amount') return ++n > 2 ? 5000 : 5; if (k === 'to') return 'acct-1'; return undefined; },
});
const r = [await show(tools.pay(p))];
r
