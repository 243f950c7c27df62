// Array.prototype.map and friends replaced: tools.list() may come out odd
// (the script's own doing), but calls are still checked by the host.
// expect: OK
// config: policy=bank.json
// value: ["object","ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);

Array.prototype.map = function () { return ['tampered']; };
Array.prototype.join = function () { return 'tampered'; };
let list;
try { list = tools.list(); } catch (e) { list = e.name; }
const r = [typeof list];
r.push(await show(tools.pay({ amount: 5000, to: 'acct-1' })));
r
