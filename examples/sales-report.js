// An agent-style script: parse CSV, aggregate, print a table and return JSON.
const csv = `region,product,units,price
north,widget,12,2.50
south,widget,7,2.50
north,gadget,3,10.00
east,gadget,9,10.00
south,gizmo,14,4.25
east,widget,5,2.50`;

const rows = csv.split("\n").slice(1).map((line) => {
  const [region, product, units, price] = line.split(",");
  return { region, product, units: Number(units), price: Number(price) };
});

const byRegion = new Map();
for (const r of rows) {
  byRegion.set(r.region, (byRegion.get(r.region) ?? 0) + r.units * r.price);
}

const ranked = [...byRegion].sort((a, b) => b[1] - a[1]);
console.log("region   revenue");
for (const [region, revenue] of ranked) {
  console.log(region.padEnd(8), revenue.toFixed(2).padStart(8));
}

// The last expression is the run's value, handed to the host as JSON.
({ top: ranked[0][0], total: ranked.reduce((s, [, v]) => s + v, 0) });
