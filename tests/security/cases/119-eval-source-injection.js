// Code that tries to close the host's wrapper and run outside it: the
// script is compiled as a whole, so this is just a syntax error.
// expect: OK
// exit: 1
// stderr-contains: SyntaxError
})(); globalThis.escaped = true; (function() {
