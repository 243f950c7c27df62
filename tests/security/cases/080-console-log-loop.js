// console.log in an endless loop: cut at the output limit, marked, stopped.
// expect: EOUTPUT
// config: output=64K time=5000
// stdout-contains: line 0
// stdout-contains: [wasmbox: output truncated at 65536 bytes]
for (let i = 0; ; i++) console.log('line', i);
