// The stop must be uncatchable.  In a promise reaction it is not: QuickJS's
// promise_reaction_job turns the uncatchable "interrupted" error into an
// ordinary rejection, and the .catch handler runs after the limit fired.
// expect: EFUEL
// config: fuel=20000000 time=10000
// after: typeof caught => "undefined"
Promise.resolve()
  .then(() => { for (;;) {} })
  .catch((e) => { globalThis.caught = String(e); });
