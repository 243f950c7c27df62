// Deep recursion caught and restarted forever.
// expect: ETIMEOUT
// config: time=300
function f() { f(); }
for (;;) { try { f(); } catch (e) {} }
