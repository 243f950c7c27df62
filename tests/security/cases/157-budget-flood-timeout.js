// Calling a tool in an endless loop: after the budget every call is denied
// at once, the loop goes on, and the time limit ends it.  Denied calls used
// no budget, so the next run still has its session budget.
// expect: ETIMEOUT
// config: policy=budget.json time=300
// after: (await pong({ i: 1 })).i => 1
globalThis.calls = 0;
for (;;) { try { await tools.ping({}); } catch (e) {} calls++; }
