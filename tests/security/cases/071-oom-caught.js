// The script catches the out-of-memory error, lets go of the memory and
// goes on: a normal, successful run.
// expect: OK
// config: time=3000 memory=32M
// value: "out of memory"
let big = [];
let msg;
try { for (;;) big.push(new Array(100000).fill(1)); } catch (e) { big = null; msg = e.message; }
msg
