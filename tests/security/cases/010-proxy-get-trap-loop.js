// A Proxy whose get trap never returns.
// expect: ETIMEOUT
// config: time=300
const p = new Proxy({}, { get(t, k) { for (;;) {} } });
p.anything;
