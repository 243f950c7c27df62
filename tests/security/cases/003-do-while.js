// do/while with a body that looks like progress.
// expect: ETIMEOUT
// config: time=300
let i = 0;
do { i = (i + 1) | 0; } while (i !== -1 || true);
