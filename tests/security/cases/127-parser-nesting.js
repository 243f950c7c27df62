// Source nested a million levels deep, in every construct the parser
// recurses on: each is a catchable SyntaxError.
// expect: OK
// config: time=5000
// value: [true,true,true,true,true,true,true]
const srcs = [
  '('.repeat(1e6) + ')'.repeat(1e6),
  '['.repeat(1e5) + ']'.repeat(1e5),
  '{'.repeat(1e5) + '}'.repeat(1e5),
  '-'.repeat(1e6) + '1',
  'a='.repeat(1e5) + '1',
  'x?'.repeat(1e5) + '1' + ':1'.repeat(1e5),
  '`${'.repeat(1e4) + '1' + '}`'.repeat(1e4),
];
srcs.map((s) => { try { eval(s); return false; } catch (e) { return e instanceof SyntaxError; } })
