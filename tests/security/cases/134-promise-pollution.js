// Promise, Promise.prototype.then and the species constructor replaced:
// tool calls still settle with the host's answers.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":3,\"to\":\"acct-1\"}"]
const stringify = JSON.stringify;
const RealPromise = Promise;
const r = [];
const p1 = tools.pay({ amount: 5000, to: 'acct-1' });
const p2 = tools.pay({ amount: 3, to: 'acct-1' });
globalThis.Promise = function FakePromise() { throw new Error('fake Promise'); };
Object.defineProperty(RealPromise, Symbol.species, { get() { throw new Error('species'); } });
const realThen = RealPromise.prototype.then;
RealPromise.prototype.then = function () { throw new Error('then hijacked'); };
for (const p of [p1, p2]) {
  try { r.push('ok ' + stringify(await p)); } catch (e) { r.push(e.name + ': ' + e.message); }
}
RealPromise.prototype.then = realThen;
globalThis.Promise = RealPromise;
r
