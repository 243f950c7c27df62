// --print with a string last value (JSON-quoted), after top-level await:
// the completion value of the whole script is that of its last statement.
let x = 0;
for (let i = 1; i <= 4; i++) x += i;
await null;
if (x > 5) { "big: " + x; } else { "small"; }
