// A flood of 4-byte characters (emoji), offset by one byte so the output
// limit falls inside a character: what the result keeps must still be
// valid UTF-8 (the CLI's --json output is built from it).
// expect: EOUTPUT
// config: output=1K time=5000
console.log('x' + '\u{1F600}'.repeat(100000));
