// A syntax error anywhere in the script: nothing runs, status 1, and
// stderr names the SyntaxError with its position.
console.log("this line must not run");
function broken() {
  const x = [1, 2;
  return x;
}
