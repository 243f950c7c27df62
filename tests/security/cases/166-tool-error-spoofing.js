// The error classes cannot be used to fake answers: a script-made
// ToolDeniedError is just an Error, and a real one comes only from the host.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError","pay",true]
let real;
try { await tools.pay({ amount: 500, to: 'acct-1' }); } catch (e) { real = e; }
[real.name, real.tool, real instanceof Error]
