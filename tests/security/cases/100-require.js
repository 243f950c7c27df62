// require() does not exist.
// expect: OK
// exit: 1
// stderr-contains: ReferenceError: 'require' is not defined
require('child_process').execSync('id');
