// Random and clock reads until the time limit stops the run: replay stops
// at the same place.
let n = 0, last = 0;
for (;;) {
  if (++n % 50000 === 0) { last = Date.now(); console.log(n, Math.random() < 1); }
}
