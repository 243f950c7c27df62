// An infinite generator consumed by for-of.
// expect: ETIMEOUT
// config: time=300
function* nat() { let i = 0; for (;;) yield i++; }
let sum = 0;
for (const x of nat()) sum += x;
