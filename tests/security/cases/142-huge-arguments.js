// Huge argument values: megabyte strings and a 100 KB key.
// expect: OK
// config: policy=bank.json time=30000
// value: ["ToolDeniedError: tool \"pay\" denied: unexpected parameter extra; the parameters are: amount, to (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"note\" denied: parameter text: 1000000 characters, at most 2000 allowed (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter to: 1000005 characters, at most 40 allowed (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: unexpected parameter zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const r = [];
r.push(await show(tools.pay({ amount: 5, to: 'acct-1', extra: 'x'.repeat(1e6) })));
r.push(await show(tools.note({ text: 'x'.repeat(1e6) })));
r.push(await show(tools.pay({ amount: 5, to: 'acct-' + 'y'.repeat(1e6) })));
r.push((await show(tools.pay({ amount: 5, to: 'acct-1', ['z'.repeat(1e5)]: 1 }))).slice(0, 120));
r
