// for (;;) under a fuel budget: stopped by fuel long before the time limit,
// gracefully, so what the run set before the loop is kept.
// expect: EFUEL
// config: time=5000 fuel=20000000
// errmsg-contains: the run was stopped
// after: set_in_run => "yes"
globalThis.set_in_run = 'yes';
for (;;) {}
