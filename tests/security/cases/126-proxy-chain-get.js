// Property reads through a million nested Proxies: QuickJS checks its
// stack here, so this is a catchable stack overflow.
// expect: OK
// config: memory=256M time=30000
// value: "InternalError: stack overflow"
let p = {};
for (let i = 0; i < 1e6; i++) p = new Proxy(p, {});
let r;
try { p.x; r = 'read'; } catch (e) { r = e.name + ': ' + e.message; }
r
