// stdout and stderr interleaved: their sum is what is limited.
// expect: EOUTPUT
// config: output=64K time=5000
for (let i = 0; ; i++) { console.log('out', i); console.warn('err', i); }
