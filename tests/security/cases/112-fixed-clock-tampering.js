// With a fixed clock and a seed: tampering in one sandbox, untouched
// values in a new one.
// expect: OK
// config: clock=1700000000000 seed=7
// fresh: Date.now() => 1700000000000
// fresh: typeof Math.random() => "number"
globalThis.Date = function () { return { getTime: () => 0 }; };
Math.random = () => 0.5;
Date.now
