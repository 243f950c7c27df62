// NUL bytes in the output: the limit still counts every byte.
// expect: EOUTPUT
// config: output=64K time=5000
for (;;) console.log('\0\0\0\0\0\0\0\0'.repeat(64));
