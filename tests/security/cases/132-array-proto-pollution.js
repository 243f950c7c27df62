// Array.prototype.toJSON and an index-0 setter on Array.prototype (which
// even the engine's own JSON.stringify runs into) while calling tools.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"transfer\" denied: unexpected parameter list; the parameters are: order (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":7,\"to\":\"acct-1\"}",true]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const r = [];
Array.prototype.toJSON = function () { return 'array-was-here'; };
r.push(await show(tools.transfer({ order: { id: 'EU-1', amount: 5 }, list: [1, 2] })));
delete Array.prototype.toJSON;
let intercepted = 0;
Object.defineProperty(Array.prototype, '0', { configurable: true,
  set(v) { intercepted++; Object.defineProperty(this, '0', { value: v, writable: true, enumerable: true, configurable: true }); } });
r.push(await show(tools.pay({ amount: 5000, to: 'acct-1' })));
r.push(await show(tools.pay({ amount: 7, to: 'acct-1' })));
delete Array.prototype[0];
r.push(intercepted > 0);
r
