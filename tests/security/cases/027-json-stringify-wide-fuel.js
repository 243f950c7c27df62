// JSON.stringify of a big array is one long engine call that never polls:
// the fuel limit stops it hard and the run is rolled back.
// expect: EFUEL
// config: time=10000 fuel=20000000
// errmsg-contains: stopped hard
// after: typeof set_in_run => "undefined"
globalThis.set_in_run = 1;
JSON.stringify(new Array(3e6).fill(7)).length;
