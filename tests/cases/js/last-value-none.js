// --print with no value: a last statement that is a declaration or a
// function-valued expression prints nothing extra.
console.log("only this line");
const f = () => 1;
f;
