// Tools that do not exist, or exist but are never allowed.
// expect: OK
// config: policy=bank.json
// value: ["undefined","undefined","function","TypeError","TypeError","TypeError","TypeError","TypeError","ToolDeniedError: tool \"admin.reset\" denied: constraint confirm == \"never\" failed: confirm is true (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"admin.reset\" denied: constraint confirm == \"never\" failed: confirm is true (calls left: all tools 1000 of 1000 this session)","ToolDeniedError: tool \"admin.reset\" denied: parameter confirm: expected boolean, got string \"never\" (calls left: all tools 1000 of 1000 this session)","ToolError: tool \"broken\" failed: the builtin fail provider always fails","ok {\"amount\":1,\"to\":\"acct-1\"}"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const r = [];
r.push(typeof tools.nope, typeof tools.__proto__.nope, typeof tools.constructor);
for (const n of ['__proto__', 'constructor', 'toString', 'pay\u0000', 'admin']) {
  try { tools.describe(n); r.push('described ' + n); } catch (e) { r.push(e.name); }
}
r.push(await show(tools['admin.reset']({ confirm: true })));
r.push(await show(tools.admin.reset({ confirm: true })));
r.push(await show(tools.admin.reset({ confirm: 'never' })));
r.push(await show(tools.broken({})));
r.push(await show(tools.pay.call({ evil: true }, { amount: 1, to: 'acct-1' })));
r
