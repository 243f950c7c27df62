// A script that tries to catch the stop and carry on: the stop is
// uncatchable, neither catch nor finally ever sees it.
// expect: ETIMEOUT
// config: time=300
// after: typeof caught + ' ' + typeof finalized => "undefined undefined"
for (;;) {
  try { while (true) {} }
  catch (e) { globalThis.caught = e; }
  finally { globalThis.finalized = true; }
}
