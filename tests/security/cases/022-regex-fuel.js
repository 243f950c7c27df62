// Catastrophic backtracking under a fuel budget: the regexp engine is C
// code in the guest, stopped at its own checks or hard.
// expect: EFUEL
// config: time=5000 fuel=30000000
/(x+x+)+y/.test('x'.repeat(64));
