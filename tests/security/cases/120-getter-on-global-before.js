// Redefining a global from an earlier run as a looping getter: later runs
// that do not touch it are unaffected; __before reads are this sandbox's
// own business.
// expect: OK
// state: reset-ok
// after: 6 * 7 => 42
Object.defineProperty(globalThis, 'innocent', { get() { for (;;) {} }, configurable: true });
'trap set'
