// Terminal escapes, bells and carriage returns in a flood.
// expect: EOUTPUT
// config: output=64K time=5000
// stdout-contains: [2J
for (;;) console.log('\x1b[2J\x1b]0;pwned\x07\r\x08\x7f\x1b[31m');
