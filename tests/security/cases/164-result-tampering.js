// Setters on Object.prototype for the result's keys: results are parsed,
// not assigned, so the script sees what the tool returned.
// expect: OK
// config: policy=bank.json
// value: {"amount":7,"to":"acct-1","setterRan":false}
let setterRan = false;
for (const k of ['amount', 'to', 'ok', 'value', 'id'])
  Object.defineProperty(Object.prototype, k, { __proto__: null, set(v) { setterRan = true; }, configurable: true });
const res = await tools.pay({ amount: 7, to: 'acct-1' });
const out = { amount: Object.getOwnPropertyDescriptor(res, 'amount').value, to: Object.getOwnPropertyDescriptor(res, 'to').value };
for (const k of ['amount', 'to', 'ok', 'value', 'id']) delete Object.prototype[k];
out.setterRan = setterRan;
out
