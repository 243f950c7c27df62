// Cycles in what console.log prints.
// expect: OK
// stdout-contains: <ref *1>
const a = { name: 'a' };
a.self = a;
a.list = [a, [a]];
console.log(a);
