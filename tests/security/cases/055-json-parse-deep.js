// JSON.parse of input nested a million levels deep: a catchable error from
// the parser's stack check, never a crash of the engine or the host.
// expect: OK
// exit: 1
// config: memory=32M
// stderr-contains: stack overflow
JSON.parse('['.repeat(1e6) + ']'.repeat(1e6));
