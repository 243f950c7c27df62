// console.error flood: stderr counts against the same limit.
// expect: EOUTPUT
// config: output=64K time=5000
// stderr-contains: [wasmbox: output truncated at 65536 bytes]
for (;;) console.error('error: something went wrong');
