// --fixed-clock MS: Date.now() and new Date() read MS, and time stands
// still for the whole run, even across awaits and busy loops.
console.log(Date.now());
console.log(new Date().toISOString());
const t0 = Date.now();
let spin = 0;
for (let i = 0; i < 200000; i++) spin += i;
await null;
console.log("elapsed " + (Date.now() - t0) + " ms after " + spin + " work");
console.log(new Date().getTime() === Date.now());
console.log(String(Date.now() === new Date(Date.now()).getTime()) + " " + new Date().getUTCDay() + " " + new Date().getUTCFullYear());
console.log(new Date(Date.now() + 86400000).toISOString().slice(0, 10));
console.log(JSON.stringify({ at: new Date() }));
