// Shapes agents commonly print: records, API responses, tables, stats.
const users = [
  { id: 1, name: "Alice", email: "alice@example.com", roles: ["admin"], active: true },
  { id: 2, name: "Bob", email: "bob@example.com", roles: [], active: false },
  { id: 3, name: "Carol", email: "carol@example.com", roles: ["dev", "ops"], active: true },
];
console.log(users);
console.log("users:", users.length, users.map((u) => u.name));
console.log({ page: 1, perPage: 3, total: 42, data: users });
const response = {
  status: 200,
  ok: true,
  headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" },
  body: { results: [{ id: "a1", score: 0.98 }, { id: "b2", score: 0.75 }], nextCursor: null },
};
console.log(response);
const grid = Array.from({ length: 5 }, (_, r) => Array.from({ length: 8 }, (_, c) => (r * 8 + c) % 10));
console.log(grid);
const stats = { count: 1000, mean: 49.95, median: 50, stdev: 28.87, min: 0, max: 99, percentiles: { p50: 50, p90: 90, p99: 99 } };
console.log(stats);
const primes = [];
for (let n = 2; primes.length < 60; n++) if (primes.every((p) => n % p)) primes.push(n);
console.log(primes);
const fib = [0n, 1n];
while (fib.length < 40) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
console.log(fib);
const hist = {};
for (const ch of "hello world, hello sandbox") hist[ch] = (hist[ch] || 0) + 1;
console.log(hist);
console.log(Object.entries({ a: 1, b: 2, c: 3 }));
console.log(new Map(Object.entries({ alpha: [1, 2], beta: { nested: true } })));
const tree = { value: 1, children: [{ value: 2, children: [{ value: 4, children: [] }] }, { value: 3, children: [] }] };
console.log(tree);
console.log(JSON.parse('{"a":[1,2,{"b":"c"}],"d":{"e":{"f":{"g":1}}}}'));
const words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore".split(" ");
console.log(words);
console.log(words.map((w) => w.length));
console.log(Object.fromEntries(words.slice(0, 6).map((w, i) => [w, i])));
console.log("matrix %o", [[1, 0], [0, 1]]);
console.log("done in %dms", 12.5);
