// A flood that tries to catch the stop around every console.log.
// expect: EOUTPUT
// config: output=64K time=5000
// after: typeof caught => "undefined"
for (;;) {
  try { console.log('x'.repeat(1000)); } catch (e) { globalThis.caught = e; }
}
