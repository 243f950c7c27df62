// Object.prototype.toJSON rewrites what is sent: the host checks the bytes
// it receives, so a rewrite to 5000 is denied, and a rewrite to 50 reaches
// the provider as 50 (what was checked).
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":50,\"to\":\"acct-1\"}"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
Object.prototype.toJSON = function () { return { amount: 5000, to: 'acct-1' }; };
const r = [];
r.push(await show(tools.pay({ amount: 5, to: 'acct-1' })));
Object.prototype.toJSON = function () { return { amount: 50, to: 'acct-1' }; };
r.push(await show(tools.pay({ amount: 5000, to: 'evil' })));
delete Object.prototype.toJSON;
r
