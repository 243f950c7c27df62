// Calls queued, then an endless loop before they could be sent: the run
// is stopped, and the queued calls never run later (the next run's own
// call gets the whole per-run budget).
// expect: ETIMEOUT
// config: policy=budget.json time=300
// after: (await Promise.allSettled([ping({}), ping({}), ping({})])).filter((x) => x.status === 'fulfilled').length => 3
tools.ping({ i: 1 }); tools.ping({ i: 2 });
for (;;) {}
