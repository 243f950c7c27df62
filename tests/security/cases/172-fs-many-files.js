// Creating files until the file-count quota (10,000 by default): EDQUOT,
// not an exhausted host.
// expect: OK
// config: time=10000
// value: "EDQUOT 10000"
const fs = require('fs');
let err, n = 0;
try {
  for (;;) { fs.writeFileSync('/tmp/f' + n, ''); n++; }
} catch (e) { err = e; }
err.code + ' ' + n
