// 046 under the time limit instead of fuel: the .catch handler of a
// reaction that was stopped must never run.
// expect: ETIMEOUT
// config: time=300
// after: typeof caught => "undefined"
Promise.resolve()
  .then(() => { for (;;) {} })
  .catch((e) => { globalThis.caught = String(e); });
