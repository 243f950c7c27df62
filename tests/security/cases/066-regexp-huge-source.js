// A regexp with a million capture groups.
// expect: OK
// exit: 1
// config: memory=32M
// stderr-contains: SyntaxError: too many captures
new RegExp('(a)'.repeat(1e6));
