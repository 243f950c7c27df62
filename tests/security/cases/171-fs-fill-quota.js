// Writing until the filesystem quota (64 MiB by default) is full: a clean
// ENOSPC that says where the limit comes from, and the sandbox goes on.
// expect: OK
// config: time=10000 memory=256M
// value: "ENOSPC true"
const fs = require('fs');
const chunk = 'x'.repeat(1 << 20);
let err;
try {
  for (let i = 0; i < 1000; i++) fs.writeFileSync('/tmp/f' + i, chunk);
} catch (e) { err = e; }
err.code + ' ' + /quota/.test(err.message)
// after: require('fs').readdirSync('/tmp').length > 50 => true
// after: require('fs').rmSync('/tmp/f1'); require('fs').writeFileSync('/tmp/small', 'ok'); 1 => 1
