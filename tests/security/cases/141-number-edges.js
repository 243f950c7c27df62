// Numbers at the edges: NaN and infinities are refused in the guest,
// -0 arrives as 0, integers past 2^53 and values just past the bound are
// denied by the host, tiny positive numbers pass.
// expect: OK
// config: policy=bank.json
// value: ["TypeError: tools.pay(): argument amount is NaN: only finite numbers can be sent","TypeError: tools.pay(): argument amount is Infinity: only finite numbers can be sent","TypeError: tools.pay(): argument amount is -Infinity: only finite numbers can be sent","ToolDeniedError: tool \"pay\" denied: constraint amount > 0 failed: amount is 0 (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter amount: integer 9007199254740994 is beyond ±2^53-1 (9007199254740991) and cannot be checked exactly; send it as a string (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: constraint amount > 0 failed: amount is 0 (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 100.00000000000001 (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 1.7976931348623157e+308 (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":5e-324,\"to\":\"acct-1\"}","ok {\"amount\":100,\"to\":\"acct-1\"}","ToolDeniedError: tool \"pay\" denied: constraint amount > 0 failed: amount is -1 (calls left: all tools 998 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 1e+21 (calls left: all tools 998 of 1000 this session)"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const nums = [NaN, Infinity, -Infinity, -0, 2 ** 53 + 2, 1e-400, 100.00000000000001, Number.MAX_VALUE,
  Number.MIN_VALUE, 100, -1, 1e21];
const r = [];
for (const amount of nums) r.push(await show(tools.pay({ amount, to: 'acct-1' })));
r
