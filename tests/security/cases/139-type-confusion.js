// Values of the wrong type that coerce to allowed ones in JavaScript.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got string \"100\" (a string is not a number: pass it without quotes) (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got array [100] (calls left: all tools 1000 of 1000 this session)","TypeError: tools.pay(): argument amount.valueOf is a function, which JSON cannot carry","ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got boolean true (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got null (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got string \"1e2\" (a string is not a number: pass it without quotes) (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"pay\" denied: parameter amount: expected number, got string \" 50\" (a string is not a number: pass it without quotes) (calls left: all tools 1000 of 1000 this session)","ok {\"amount\":50,\"to\":\"acct-1\"}","ToolDeniedError: tool \"pay\" denied: parameter to: expected string, got array [\"acct-1\"] (calls left: all tools 999 of 1000 this session)","TypeError: tools.pay(): argument to.toString is a function, which JSON cannot carry","ToolDeniedError: tool \"weather\" denied: parameter days: expected integer, got string \"3\" (a string is not a number: pass it without quotes) (calls left: all tools 999 of 1000 this session)","ToolDeniedError: tool \"weather\" denied: parameter days: expected integer, got number 2.5 (calls left: all tools 999 of 1000 this session)"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const bad = ['100', [100], { valueOf() { return 50; } }, true, null, '1e2', ' 50'];
const r = [];
for (const amount of bad) r.push(await show(tools.pay({ amount, to: 'acct-1' })));
r.push(await show(tools.pay({ amount: new Number(50), to: new String('acct-1') })));
r.push(await show(tools.pay({ amount: 5, to: ['acct-1'] })));
r.push(await show(tools.pay({ amount: 5, to: { toString() { return 'acct-1'; } } })));
r.push(await show(tools.weather({ city: 'Paris', days: '3' })));
r.push(await show(tools.weather({ city: 'Paris', days: 2.5 })));
r
