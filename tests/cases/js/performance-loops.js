// Heavier computation that must finish well within the timeout: a sieve,
// sorting 200k numbers, string building, Map churn and a small matrix product.
const N = 2_000_000;
const sieve = new Uint8Array(N + 1);
let primes = 0;
for (let i = 2; i <= N; i++) {
  if (!sieve[i]) { primes++; for (let j = i * i; j <= N; j += i) sieve[j] = 1; }
}
console.log("primes below 2e6: " + primes);
let seed = 12345;
const lcg = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
const arr = Array.from({ length: 200000 }, lcg);
arr.sort((a, b) => a - b);
let sorted = true;
for (let i = 1; i < arr.length; i++) if (arr[i - 1] > arr[i]) sorted = false;
console.log("sorted 200000: " + sorted + " min " + arr[0] + " max " + arr[arr.length - 1]);
let s = "";
for (let i = 0; i < 100000; i++) s += String.fromCharCode(97 + (i % 26));
console.log("built string of " + s.length + ", count of 'z': " + (s.split("z").length - 1));
const m = new Map();
for (let i = 0; i < 300000; i++) { m.set("k" + (i % 5000), i); if (i % 3 === 0) m.delete("k" + ((i * 7) % 5000)); }
console.log("map size " + m.size);
const n = 120;
const A = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i + j) % 7));
const B = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i * j) % 5));
let trace = 0;
for (let i = 0; i < n; i++) { let sum = 0; for (let k = 0; k < n; k++) sum += A[i][k] * B[k][i]; trace += sum; }
console.log("trace of A*B: " + trace);
const json = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ id: i, tags: ["a", "b"], v: i / 3 })));
console.log("json length " + json.length + " parsed " + JSON.parse(json).length);
