// Catastrophic backtracking through an ambiguous alternation.
// expect: ETIMEOUT
// config: time=300
/^(a|a)*$/.test('a'.repeat(60) + 'b');
