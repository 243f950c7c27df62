// Text utilities an agent writes: word frequencies, wrapping, slugs,
// Levenshtein distance, simple templating and line diffs.
const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity.`;
const words = text.toLowerCase().match(/[a-z']+/g);
const freq = words.reduce((m, w) => m.set(w, (m.get(w) || 0) + 1), new Map());
const top = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
console.log(words.length + " words, " + freq.size + " distinct; top: " + top.map(([w, c]) => `${w}=${c}`).join(" "));
function wrap(s, width) {
  const out = [];
  let line = "";
  for (const w of s.split(/\s+/)) {
    if (line && (line + " " + w).length > width) { out.push(line); line = w; }
    else line = line ? line + " " + w : w;
  }
  if (line) out.push(line);
  return out;
}
for (const l of wrap(text, 32)) console.log("| " + l.padEnd(32) + " |");
const slug = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
console.log(["Héllo, Wörld!", "  Crème brûlée -- recipe #2 ", "ÀÉÎÕÜ"].map(slug).join(" "));
function lev(a, b) {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}
console.log("levenshtein " + [["kitten", "sitting"], ["flaw", "lawn"], ["", "abc"], ["same", "same"]].map(([a, b]) => lev(a, b)).join(","));
const render = (tpl, vars) => tpl.replace(/\{\{\s*(\w+(?:\.\w+)*)\s*\}\}/g, (_, path) => path.split(".").reduce((o, k) => o?.[k], vars) ?? `{{${path}}}`);
console.log(render("Hi {{ user.name }}, you have {{count}} new {{ what }}.", { user: { name: "Ada" }, count: 3 }));
function diffLines(a, b) {
  const x = a.split("\n"), y = b.split("\n");
  const lcs = Array.from({ length: x.length + 1 }, () => Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) { out.push("  " + x[i]); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push("- " + x[i++]);
    else out.push("+ " + y[j++]);
  }
  while (i < x.length) out.push("- " + x[i++]);
  while (j < y.length) out.push("+ " + y[j++]);
  return out.join("\n");
}
console.log(diffLines("a\nb\nc\nd", "a\nc\nd\ne"));
console.log("title case: " + "the lord of the rings".replace(/\b(?!(?:of|the)\b)\w/g, (c) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()));
