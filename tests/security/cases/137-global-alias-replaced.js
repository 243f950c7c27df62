// The global alias pay() can be replaced (it is a plain global), which
// only fools the script itself: tools.pay is still the real bridge.
// expect: OK
// config: policy=bank.json
// value: ["fake approval","ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)",true]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
globalThis.pay = async () => 'fake approval';
const r = [await pay({ amount: 5000, to: 'acct-1' })];
r.push(await show(tools.pay({ amount: 5000, to: 'acct-1' })));
r.push(tools.pay !== pay);
r
