// Argument objects that are not plain: own toJSON, Date, Map, class
// instances, non-enumerable and symbol-keyed properties, sparse arrays,
// functions and getters that throw.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got string \"1970-01-01T00:00:00.050Z\" (a string is not a number: pass it without quotes) (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: missing required parameter amount (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":5,\"to\":\"acct-1\"}","ToolDeniedError: tool \"pay\" denied: missing required parameter amount (calls left: all tools 999 of 1000 this session)","ok {\"amount\":5,\"to\":\"acct-1\"}","TypeError: tools.note(): argument list[1] is undefined","Error: getter threw","TypeError: proxy: duplicate property"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const r = [];
r.push(await show(tools.pay({ toJSON() { return { amount: 5000, to: 'acct-1' }; } })));
r.push(await show(tools.pay({ amount: new Date(50), to: 'acct-1' })));
r.push(await show(tools.pay(new Map([['amount', 5], ['to', 'acct-1']]))));
class Args { constructor() { this.amount = 5; this.to = 'acct-1'; } get extra() { return 1; } }
r.push(await show(tools.pay(new Args())));
const hidden = { to: 'acct-1' };
Object.defineProperty(hidden, 'amount', { value: 5, enumerable: false });
r.push(await show(tools.pay(hidden)));
r.push(await show(tools.pay({ amount: 5, to: 'acct-1', [Symbol('x')]: 'sym' })));
r.push(await show(tools.note({ text: 'x', list: [1, , 3] })));
r.push(await show(tools.pay({ amount: 5, get to() { throw new Error('getter threw'); } })));
r.push(await show(tools.pay(new Proxy({ amount: 5, to: 'acct-1' }, { ownKeys() { return ['amount', 'to', 'amount']; } }))));
r
