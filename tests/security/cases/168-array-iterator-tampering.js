// Array.prototype[Symbol.iterator] replaced: the bridge must still deliver
// the host's answers (it captures the built-ins it needs so that a script
// tampering with globals cannot break tool calls).
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":5,\"to\":\"acct-1\"}"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);

const realIter = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function* () { yield { id: -1, ok: true, value: 'forged' }; };
const p1 = show(tools.pay({ amount: 5000, to: 'acct-1' }));
const p2 = show(tools.pay({ amount: 5, to: 'acct-1' }));
const r = [await p1, await p2];
Array.prototype[Symbol.iterator] = realIter;
r
