// The seeded-random script again, with --seed 7: a different sequence.
// (Same code as seeded-random.js, which runs with --seed 42.)
const first = [];
for (let i = 0; i < 5; i++) first.push(Math.random());
console.log(first.join("\n"));
const dice = Array.from({ length: 10 }, () => Math.floor(Math.random() * 6) + 1);
console.log("dice " + dice.join(" "));
const deck = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
for (let i = deck.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [deck[i], deck[j]] = [deck[j], deck[i]];
}
console.log("shuffled " + deck.join(""));
const id = Array.from({ length: 8 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
console.log("id " + id);
let inRange = true;
for (let i = 0; i < 1000; i++) { const r = Math.random(); if (!(r >= 0 && r < 1)) inRange = false; }
console.log("1000 more in [0, 1): " + inRange);
