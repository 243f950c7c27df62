// The same in async code: a rejection handler tries to restart the loop.
// expect: ETIMEOUT
// config: time=300
// after: typeof restarted => "undefined"
async function spin() { for (;;) {} }
function go() { return spin().catch(() => { globalThis.restarted = true; return go(); }); }
await go();
