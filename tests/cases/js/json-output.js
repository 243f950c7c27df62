// --json: one JSON object on stdout holding the script's stdout, stderr,
// last value and exit code; quotes, backslashes, tabs and newlines escaped.
console.log('say "hi"\tand \\ bye');
console.error("warning: é");
const result = { ok: true, n: [1, 2.5], s: "x\ny" };
result;
