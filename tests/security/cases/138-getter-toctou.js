// Getters that return a small amount while the bridge looks and a big one
// when it serialises: the host checks the bytes it gets.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: constraint to starts_with \"acct-\" failed: to is \"evil-1\" (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got null (calls left: all tools 1000 of 1000 this session)",3,3,3]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const r = [];
let reads = 0;
r.push(await show(tools.pay({ get amount() { return ++reads <= 2 ? 5 : 5000; }, to: 'acct-1' })));
let reads2 = 0;
r.push(await show(tools.pay({ amount: 5, get to() { return ++reads2 <= 2 ? 'acct-1' : 'evil-1'; } })));
let reads3 = 0;
r.push(await show(tools.pay({ get amount() { return ++reads3 <= 2 ? 5 : NaN; }, to: 'acct-1' })));
r.push(reads, reads2, reads3);
r
