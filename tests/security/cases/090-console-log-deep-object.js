// console.log of an object nested 100000 deep stops at depth 2.
// expect: OK
// config: time=3000
// stdout-contains: { a: { a: { a: [Object] } } }
let o = {};
for (let i = 0; i < 100000; i++) o = { a: o };
console.log(o);
