// A getter that makes another tool call while the bridge is serialising
// the first: both are answered, each checked on its own.
// expect: OK
// config: policy=bank.json
// value: ["ok {\"amount\":5,\"to\":\"acct-1\"}","ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
let inner;
const outer = tools.pay({ get amount() { inner = inner || tools.pay({ amount: 5000, to: 'acct-9' }); return 5; }, to: 'acct-1' });
const r = [await show(outer)];
r.push(await show(inner));
r
