// An uncaught error whose message is 10 MB: the error report itself is
// output and is cut at the limit.
// expect: EOUTPUT
// config: output=64K time=5000
// stderr-contains: [wasmbox: output truncated at 65536 bytes]
throw new Error('e'.repeat(1e7));
