// A script that restarts its work from a .catch each time it is stopped.
// The stop should end it gracefully (keeping what the run set before the
// loop); because the interrupt reaches .catch (see 046), the graceful stop
// is defeated and only the hard stop ends the run, rolling it back.
// expect: EFUEL
// config: fuel=20000000 time=10000
// after: typeof set_in_run => "string"
globalThis.set_in_run = 'yes';
function work() { for (;;) {} }
function again() { return Promise.resolve().then(work).catch(again); }
again();
