// Arguments nested 100000 deep: refused before anything is sent, with a
// TypeError naming the argument (as for every other value the bridge
// cannot send), not an engine stack overflow.
// expect: OK
// config: policy=bank.json
// value: "TypeError"
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
let deep = {};
for (let i = 0; i < 100000; i++) deep = { d: deep };
const r = await show(tools.transfer({ order: { id: 'EU-1', amount: 5 }, deep }));
r.split(':')[0]
