// A slow but finite comparator on a big array: more work than the fuel
// budget allows.
// expect: EFUEL
// config: time=5000 fuel=30000000
const a = Array.from({ length: 200000 }, (_, i) => (i * 7919) % 200000);
a.sort((x, y) => { let s = 0; for (let i = 0; i < 50; i++) s += i; return x - y; });
