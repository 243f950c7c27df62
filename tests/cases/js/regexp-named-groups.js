// Named capture groups: groups object, backreferences, replace templates,
// matchAll, and the d flag's indices.
const logLine = /^(?<date>\d{4}-\d{2}-\d{2}) (?<level>[A-Z]+) \[(?<module>[\w.]+)\] (?<msg>.*)$/;
const lines = [
  "2024-03-01 INFO [net.http] listening on :8080",
  "2024-03-01 WARN [db] slow query (1200 ms)",
  "garbage line",
  "2024-03-02 ERROR [net.tls] handshake failed",
];
for (const l of lines) {
  const m = l.match(logLine);
  if (!m) { console.log("no match: " + l); continue; }
  const { date, level, module, msg } = m.groups;
  console.log(`${level.padEnd(5)} ${date} ${module} :: ${msg}`);
}
console.log("2024-03-01".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>"));
console.log("John Smith".replace(/(?<first>\w+)\s(?<last>\w+)/, (...args) => {
  const g = args[args.length - 1];
  return `${g.last.toUpperCase()}, ${g.first}`;
}));
const dup = /(?<word>\b\w+\b) \k<word>/g;
console.log("this is is a test test of of dups".match(dup).join(" | "));
const kv = /(?<key>\w+)=(?<value>[^;]*)/g;
const pairs = [...'a=1;b=two;c=;d=4'.matchAll(kv)].map((m) => `${m.groups.key}:${JSON.stringify(m.groups.value)}@${m.index}`);
console.log(pairs.join(" "));
const withIndices = /(?<num>\d+)(?<unit>px|em)?/d.exec("width: 120px");
console.log(JSON.stringify(withIndices.indices) + " " + JSON.stringify(withIndices.indices.groups));
const optional = /(?<a>x)?(?<b>y)/.exec("y");
console.log(JSON.stringify(optional.groups) + " " + ("a" in optional.groups) + " " + Object.keys(optional.groups).join(","));
console.log(Object.getPrototypeOf(optional.groups) === null);
const noGroups = /(\d)/.exec("5");
console.log("groups without names: " + noGroups.groups);
