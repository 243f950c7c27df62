// require() gives only the sandbox's own modules (fs, path): nothing that
// reaches the host.
// expect: OK
// exit: 1
// stderr-contains: Cannot find module 'child_process'
require('child_process').execSync('id');
