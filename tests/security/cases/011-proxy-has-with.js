// `with` over a Proxy: every identifier lookup runs a has trap that loops.
// expect: ETIMEOUT
// config: time=300
const p = new Proxy({}, { has() { for (;;) {} } });
with (p) { someName; }
