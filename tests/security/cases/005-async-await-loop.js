// A busy job queue: an async loop of awaits never yields to the host.
// expect: ETIMEOUT
// config: time=300
async function f() { for (;;) await null; }
await f();
