// Big BigInt arithmetic in a loop: each step is long C code in the guest.
// expect: ETIMEOUT
// config: time=300
let x = 3n ** 200000n;
const m = 2n ** 300000n + 1n;
for (;;) x = (x * x) % m;
