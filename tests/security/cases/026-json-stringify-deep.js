// JSON.stringify of a 100000-deep structure: QuickJS's cycle check makes it
// quadratic inside one engine call that never polls, so only the hard stop
// ends it (the run is rolled back, the sandbox lives on).
// expect: ETIMEOUT
// config: time=500
// errmsg-contains: stopped hard
let o = {};
for (let i = 0; i < 100000; i++) o = { a: o };
JSON.stringify(o);
