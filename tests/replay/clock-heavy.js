// The real clock, read until it moves, and in Date's every form.
const t0 = Date.now();
let spins = 0;
while (Date.now() === t0) spins++;
const d = new Date();
console.log(t0, spins, d.toISOString(), d.getTime() - t0 >= 1);
const times = [];
for (let i = 0; i < 200; i++) times.push(Date.now());
console.log(times.length, times[199] - times[0], String(new Date()));
