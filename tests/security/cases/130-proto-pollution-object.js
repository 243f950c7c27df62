// Inherited properties are not arguments: polluting Object.prototype with
// the required parameters does not make an empty call pass.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: missing required parameter amount (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: missing required parameter amount (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"weather\" denied: missing required parameter city (calls left: all tools 1000 of 1000 this session)"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
Object.prototype.amount = 5;
Object.prototype.to = 'acct-1';
Object.prototype.city = 'Paris';
const r = [];
r.push(await show(tools.pay({})));
r.push(await show(tools.pay(Object.create({ amount: 5, to: 'acct-1' }))));
r.push(await show(tools.weather({})));
delete Object.prototype.amount; delete Object.prototype.to; delete Object.prototype.city;
r
