// console.log of a 200000-element array prints the first 100 items.
// expect: OK
// config: time=3000
// stdout-contains: ... 199900 more items
console.log(new Array(200000).fill({ a: 1 }));
