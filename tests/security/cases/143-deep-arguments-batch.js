// A call whose arguments nest 200 levels deep, batched with an ordinary
// call.  Each call must be answered: the deep one refused (TypeError in the
// guest or ToolDeniedError from the host), the ordinary one run.
// expect: OK
// config: policy=bank.json
// value-contains: ok {\"text\":\"fine\"}
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
let deep = 'bottom';
for (let i = 0; i < 200; i++) deep = [deep];
const r = await Promise.all([
  show(tools.note({ text: 'fine' })),
  show(tools.transfer({ order: { id: 'EU-1', amount: 5, deep } })),
]);
r
