// Dates print as ISO strings (Invalid Date when invalid), RegExps as literals.
console.log(new Date(0));
console.log(new Date(1700000000000));
console.log(new Date(-1));
console.log(new Date(8.64e15));
console.log(new Date(NaN));
console.log([new Date(86400000), new Date(NaN)]);
console.log({ created: new Date(1700000000000), updated: null });
console.log(Object.assign(new Date(86400000), { x: 1 }));
console.log(Object.assign(new Date(NaN), { a: 1 }));
console.log({ a: { b: { c: new Date(0) } } });
console.log({ a: { b: { c: Object.assign(new Date(0), { x: 1 }) } } });
console.log(/a/g, /[\/]\n(?<x>a)+$/imsuy, new RegExp("a/b", "g"), new RegExp(""));
console.log(Object.assign(/x/, { y: 1 }));
console.log({ pattern: /^\d{3}-\d{4}$/, flags: /x/gi });
console.log({ a: { b: { c: /deep/ } } });
console.log("%s %s", new Date(0), /re/g);
console.log([/a/, /b/, /c/, /d/, /e/, /f/, /g/, /h/]);
