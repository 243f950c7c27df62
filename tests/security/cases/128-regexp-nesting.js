// Regular expressions nested 100000 deep, and lookaheads in lookaheads.
// expect: OK
// value: ["SyntaxError","SyntaxError",true]
const r = [];
try { new RegExp('(?:'.repeat(1e5) + 'a' + ')'.repeat(1e5)); r.push('compiled'); } catch (e) { r.push(e.name); }
try { new RegExp('('.repeat(1e5) + ')'.repeat(1e5)); r.push('compiled'); } catch (e) { r.push(e.name); }
r.push(new RegExp('(?=a'.repeat(1000) + ')'.repeat(1000)).test('a'.repeat(1000)));
r
