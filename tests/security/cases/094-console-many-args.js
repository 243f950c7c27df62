// console.log with 60000 arguments: one huge line, cut at the limit.
// expect: EOUTPUT
// config: output=64K time=5000
console.log(...new Array(60000).fill('yy'));
