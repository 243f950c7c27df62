// Object spread copies the own enumerable properties of ToObject(value),
// so a string spreads its characters as index keys, like Object.assign.
console.log(JSON.stringify({ ..."hi" }));
console.log(JSON.stringify({ a: 1, ..."xyz", b: 2 }));
console.log(JSON.stringify(Object.assign({}, "hi")));
console.log(JSON.stringify({ ...new String("ab") }));
console.log(JSON.stringify({ ...["p", "q"] }));
console.log(JSON.stringify({ ...5, ...true, ...null, ...undefined, ...Symbol("s") }));
const { ...rest } = "str";
console.log(JSON.stringify(rest));
