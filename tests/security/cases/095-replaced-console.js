// Replacing console.log with a printer that recurses into the original
// with ever bigger arguments.  The output limit stops it at the next
// check; the doubling may reach the memory limit before that check.
// expect: EOUTPUT|EMEMLIMIT
// config: output=64K time=5000
const orig = console.log;
let n = 1;
console.log = (...a) => { orig(...a); n *= 2; console.log('z'.repeat(n)); };
console.log('start');
