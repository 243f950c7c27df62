// Map and Set methods replaced with throwing functions (the bridge keeps
// its pending calls in a Map and checks cycles with a Set).
// expect: OK
// config: policy=bank.json
// value: ["ToolDeniedError: tool \"pay\" denied: constraint amount <= 100 failed: amount is 5000 (calls left: all tools 1000 of 1000 this session)","ok {\"city\":\"Tokyo\",\"days\":2}"]
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const saved = {};
for (const C of [Map, Set])
  for (const m of ['get', 'set', 'has', 'add', 'delete'])
    if (m in C.prototype) { saved[C.name + m] = C.prototype[m]; C.prototype[m] = () => { throw new Error('hijacked ' + m); }; }
const r = [];
r.push(await show(tools.pay({ amount: 5000, to: 'acct-1' })));
r.push(await show(tools.weather({ city: 'Tokyo', days: 2 })));
for (const C of [Map, Set])
  for (const m of ['get', 'set', 'has', 'add', 'delete'])
    if (saved[C.name + m]) C.prototype[m] = saved[C.name + m];
r
