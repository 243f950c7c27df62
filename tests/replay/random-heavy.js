// Many random reads: every one is a journal event.
let s = 0, hist = new Array(10).fill(0);
for (let i = 0; i < 5000; i++) {
  const r = Math.random();
  s += r;
  hist[Math.floor(r * 10)]++;
}
const shuffled = [1, 2, 3, 4, 5, 6, 7, 8].sort(() => Math.random() - 0.5);
console.log(s, hist.join(" "), shuffled.join(""));
console.log(Math.random().toString(36).slice(2));
