// Dates in UTC only: Date.UTC, toISOString, getUTC*, arithmetic, month
// overflow, leap years, day of week, and ISO parsing (no local time).
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
console.log(d.toISOString() + " " + d.getTime() + " " + JSON.stringify(d) + " " + d.toJSON());
console.log([d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()].join(","));
console.log(new Date(0).toISOString() + " " + new Date(-1).toISOString() + " " + new Date(8.64e15).toISOString() + " " + new Date(-8.64e15).toISOString());
console.log(new Date(Date.UTC(2023, 12, 1)).toISOString() + " " + new Date(Date.UTC(2023, 0, 0)).toISOString() + " " + new Date(Date.UTC(2023, 1, 31)).toISOString() + " " + new Date(Date.UTC(2024, 0, 1, 25, 61, 61)).toISOString());
console.log(new Date(Date.UTC(99, 0)).toISOString() + " " + new Date(Date.UTC(-1, 0)).toISOString() + " " + new Date(Date.UTC(10000, 0)).toISOString() + " " + Date.UTC(2000) + " " + Date.UTC(1970, 0, 1, 0, 0, 0, 1.9));
const isLeap = (y) => new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1;
console.log("leap " + [1900, 2000, 2023, 2024, 2100].map((y) => y + ":" + isLeap(y)).join(" "));
const daysBetween = (a, b) => Math.round((Date.UTC(...b) - Date.UTC(...a)) / 86400000);
console.log("days 2000-01-01..2024-12-25: " + daysBetween([2000, 0, 1], [2024, 11, 25]));
const weekday = (y, m, day) => ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(Date.UTC(y, m - 1, day)).getUTCDay()];
console.log("weekdays " + [[1969, 7, 20], [2000, 1, 1], [2038, 1, 19], [1, 1, 1]].map((a) => a.join("-") + "=" + weekday(...a)).join(" "));
const addMonths = (date, n) => { const r = new Date(date.getTime()); r.setUTCMonth(r.getUTCMonth() + n); return r.toISOString().slice(0, 10); };
console.log("add months " + addMonths(new Date(Date.UTC(2024, 0, 31)), 1) + " " + addMonths(new Date(Date.UTC(2024, 0, 31)), 13));
const m = new Date(Date.UTC(2020, 5, 15));
m.setUTCDate(0); console.log("setUTCDate(0) " + m.toISOString());
m.setUTCHours(48, 0, 0, 0); console.log("setUTCHours(48) " + m.toISOString());
console.log("setUTCFullYear returns " + m.setUTCFullYear(2021, 1, 29));
for (const s of ["2024-03-10T12:00:00Z", "2024-03-10T12:00:00.5+02:00", "2024-03-10T12:00:00.123456Z", "2024-03-10", "2024-03", "2024", "+002024-03-10T00:00:00Z", "-000001-01-01T00:00:00Z", "2024-13-01", "2024-02-30T00:00:00Z", "2024-03-10T24:00:00Z", "not a date"]) {
  const t = Date.parse(s);
  console.log(s.padEnd(32) + " " + (Number.isNaN(t) ? "NaN" : new Date(t).toISOString()));
}
console.log(new Date("2024-01-01T00:00:00Z") - new Date("2023-01-01T00:00:00Z") + " " + (new Date(0) < new Date(1)) + " " + (new Date(5).valueOf() === 5) + " " + typeof (new Date(0) + 1));
const invalid = new Date(NaN);
console.log(String(invalid.getTime()) + " " + isNaN(invalid) + " " + JSON.stringify({ invalid }) + " " + String(invalid));
try { invalid.toISOString(); } catch (e) { console.log("toISOString of invalid date: " + e.name); }
console.log(new Date(Date.UTC(2024, 6, 4, 5, 6, 7)).toUTCString());
const iso = (ms) => new Date(ms).toISOString().replace("T", " ").slice(0, 19);
console.log("epoch seconds 1e9 " + iso(1e9 * 1000) + ", 2^31 s " + iso(2 ** 31 * 1000));
const dur = (ms) => [Math.floor(ms / 3600000), Math.floor(ms / 60000) % 60, Math.floor(ms / 1000) % 60].map((n) => String(n).padStart(2, "0")).join(":");
console.log("duration " + dur(Date.UTC(2024, 0, 2, 3, 4, 5) - Date.UTC(2024, 0, 1)));
