// After the limit fires, no more script code may run.  Promise jobs queued
// before the stop still run (each until QuickJS's next poll, which comes
// only every 10000 ticks), and their effects persist.
// expect: EFUEL
// config: fuel=20000000 time=10000
// after: ran_after_stop => 0
globalThis.ran_after_stop = 0;
Promise.resolve().then(() => { for (;;) {} });
for (let i = 0; i < 100; i++) Promise.resolve().then(() => { ran_after_stop++; });
