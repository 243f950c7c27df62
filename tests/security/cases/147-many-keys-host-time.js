// One call with 25000 argument keys: the host's JSON parser looks for
// duplicate keys by comparing each key with all the earlier ones
// (quadratic), outside any limit, so the run takes seconds past its 300 ms
// time limit (and still reports OK).  100000 keys hold the host for a
// minute, a million for hours.  The call must be denied promptly.
// expect: OK|ETIMEOUT
// config: policy=bank.json time=300
// max-ms: 1500
// value-contains: ToolDeniedError: tool \"pay\" denied: unexpected parameter
const many = { amount: 5, to: 'acct-1' };
for (let i = 0; i < 25000; i++) many['k' + i] = i;
await tools.pay(many).then((v) => 'ok', (e) => e.name + ': ' + e.message);
