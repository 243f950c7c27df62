// One console.log of a 10 MB line.
// expect: EOUTPUT
// config: output=64K time=5000
// stdout-contains: [wasmbox: output truncated at 65536 bytes]
console.log('x'.repeat(1e7));
