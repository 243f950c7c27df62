// Catastrophic backtracking: (a+)+$ against a non-matching tail.
// expect: ETIMEOUT
// config: time=300
/(a+)+$/.test('a'.repeat(40) + 'b');
