// Nested paths: order.id with a Cyrillic E, order.amount as a string, order
// as an array, and a valid order for comparison.
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"transfer\" denied: constraint order.id starts_with \"EU-\" failed: order.id is \"ЕU-1\" (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"transfer\" denied: parameter order.amount: expected integer, got string \"5\" (a string is not a number: pass it without quotes) (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"transfer\" denied: parameter order: expected object, got array [\"EU-1\",5] (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"transfer\" denied: constraint order.amount <= 100 failed: order.amount is 101 (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"transfer\" denied: unexpected parameter order.extra; the parameters are: id, amount (calls left: all tools 1000 of 1000 this session)","ok {\"order\":{\"id\":\"EU-1\",\"amount\":100}}"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const r = [];
r.push(await show(tools.transfer({ order: { id: '\u0415U-1', amount: 5 } })));
r.push(await show(tools.transfer({ order: { id: 'EU-1', amount: '5' } })));
r.push(await show(tools.transfer({ order: ['EU-1', 5] })));
r.push(await show(tools.transfer({ order: { id: 'EU-1', amount: 101 } })));
r.push(await show(tools.transfer({ order: { id: 'EU-1', amount: 100, extra: 1 } })));
r.push(await show(tools.transfer({ order: { id: 'EU-1', amount: 100 } })));
r
