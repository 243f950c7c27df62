// Replacing JSON.stringify / JSON.parse to lie about the arguments: the
// bridge uses the originals, and the host checks what is sent anyway.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":2,\"to\":\"acct-2\"}"]
const stringify = JSON.stringify;
const show = (p) => p.then((v) => 'ok ' + stringify(v), (e) => e.name + ': ' + e.message);
JSON.stringify = () => '{"amount":1,"to":"acct-1"}';
JSON.parse = () => ({ amount: 1, to: 'acct-1' });
const r = [];
r.push(await show(tools.pay({ amount: 5000, to: 'evil' })));
r.push(await show(tools.pay({ amount: 2, to: 'acct-2' })));
r
