// Polluting every built-in prototype does not reach a new sandbox.
// expect: OK
// fresh: ({}).polluted === undefined && [].polluted === undefined && ''.polluted === undefined => true
// fresh: JSON.stringify({a: [1, 'x']}) => "{\"a\":[1,\"x\"]}"
// fresh: [3, 1, 2].sort().join() => "1,2,3"
for (const C of [Object, Array, String, Number, Function, Promise, Map, Set, RegExp, Error])
  C.prototype.polluted = 'yes';
Array.prototype.sort = () => 'hijacked';
Array.prototype.join = () => 'hijacked';
JSON.stringify = () => '"hijacked"';
'polluted'
