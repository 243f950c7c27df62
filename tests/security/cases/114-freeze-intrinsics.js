// Freezing every intrinsic (what a hardened-JS library does): the host's
// own glue must keep working in later runs.
// expect: OK
// after: JSON.stringify({a: [1]}) => "{\"a\":[1]}"
// after: (console.log('still printing'), 'printed') => "printed"
// after: (async () => 42)() instanceof Promise => true
// after: await Promise.resolve(7) => 7
for (const name of Object.getOwnPropertyNames(globalThis)) {
  const v = globalThis[name];
  if ((typeof v === 'function' || typeof v === 'object') && v !== null) {
    Object.freeze(v);
    if (v.prototype) Object.freeze(v.prototype);
  }
}
Object.freeze(globalThis);
Object.isFrozen(Object.prototype)
