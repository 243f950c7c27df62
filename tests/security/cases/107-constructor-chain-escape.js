// The constructor-of-constructor chains of console, Math.random and tools'
// helpers lead to ordinary Function: code made from them runs in the same
// sandbox, with the same limits.
// expect: ETIMEOUT
// config: time=300
const F = console.log.constructor;
const G = Math.random.constructor.constructor;
if (F !== Function || G !== Function) throw new Error('an unexpected Function');
F('for (;;) {}')();
