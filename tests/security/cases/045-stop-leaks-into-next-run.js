// After a graceful stop, nothing the stopped run queued may run in the
// NEXT run.  The stop lands in the first job; QuickJS polls for stops only
// every 10000 ticks, so the queued jobs go on running after it, until a
// poll lands (deterministically, with fuel) on a reaction's call to its
// resolving function: the drain then ends with jobs still queued, and they
// run at the start of the next run - the last one fails that run.
// expect: EFUEL
// config: fuel=20000000 time=10000
// errmsg-contains: the run was stopped (a loop
Promise.resolve().then(() => { for (;;) {} });
for (let i = 0; i < 300; i++) Promise.resolve().then(() => { for (let j = 0; j < 48; j++); });
Promise.resolve().then(() => { throw new Error('thrown by a job of the stopped run'); });
