// A promise chain that never ends, started without awaiting it: the run's
// job-queue drain is what loops.  The queue must not leak into the next run.
// expect: ETIMEOUT
// config: time=300
// after: 'next' + ' run' => "next run"
function next() { return Promise.resolve().then(next); }
next();
'script body done'
