// A small agent-style report: parse CSV with quoted fields, aggregate,
// and print an aligned table plus JSON.
const csv = `region,product,units,price,note
north,widget,10,2.50,
south,widget,4,2.50,"bulk, discounted"
north,gadget,3,10.00,"said ""urgent"""
east,widget,7,2.75,
south,gadget,1,9.50,
north,widget,5,2.50,repeat`;
function parseCSV(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  row.push(field);
  rows.push(row);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}
const records = parseCSV(csv);
console.log(records.length + " records; notes: " + JSON.stringify(records.map((r) => r.note).filter(Boolean)));
const byRegion = new Map();
for (const r of records) {
  const agg = byRegion.get(r.region) ?? { units: 0, revenue: 0, products: new Set() };
  agg.units += Number(r.units);
  agg.revenue += Number(r.units) * Number(r.price);
  agg.products.add(r.product);
  byRegion.set(r.region, agg);
}
const rows = [...byRegion].sort((a, b) => b[1].revenue - a[1].revenue || (a[0] < b[0] ? -1 : 1));
const line = (cols, widths) => cols.map((c, k) => (k === 0 ? String(c).padEnd(widths[k]) : String(c).padStart(widths[k]))).join(" | ");
const widths = [8, 5, 9, 16];
console.log(line(["region", "units", "revenue", "products"], widths));
console.log(widths.map((w) => "-".repeat(w)).join("-+-"));
for (const [region, a] of rows) console.log(line([region, a.units, a.revenue.toFixed(2), [...a.products].sort().join(",")], widths));
const total = rows.reduce((s, [, a]) => s + a.revenue, 0);
console.log(line(["TOTAL", rows.reduce((s, [, a]) => s + a.units, 0), total.toFixed(2), ""], widths));
console.log(JSON.stringify(Object.fromEntries(rows.map(([r, a]) => [r, { units: a.units, share: Math.round((a.revenue / total) * 1000) / 10 }]))));
