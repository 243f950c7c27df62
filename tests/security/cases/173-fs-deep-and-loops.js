// Symlink loops, a path of 4,000 components and a directory nested 1,000
// deep: errors, never a hang or a host crash.
// expect: OK
// config: time=10000
// value: ["ELOOP","ENAMETOOLONG",1000]
const fs = require('fs');
fs.symlinkSync('b', '/tmp/a');
fs.symlinkSync('a', '/tmp/b');
const out = [];
try { fs.readFileSync('/tmp/a'); } catch (e) { out.push(e.code); }
try { fs.statSync('/tmp/' + 'x/'.repeat(4000)); } catch (e) { out.push(e.code); }
let p = '/tmp/d';
let depth = 0;
for (let i = 0; i < 1000; i++) {
  try { fs.mkdirSync(p); depth++; } catch (e) { break; }
  p += '/d';
}
out.push(depth);
out
