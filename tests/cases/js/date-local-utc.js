// Local time is UTC in the sandbox (and under TZ=UTC for node): local
// getters, the local-time constructor and ISO strings without an offset
// all agree with UTC.  Only numeric results are printed.
const d = new Date(Date.UTC(2024, 6, 15, 23, 30, 5));
console.log(d.getTimezoneOffset() + " " + [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds()].join(","));
console.log(new Date(2024, 0, 1).toISOString() + " " + new Date(2024, 0, 1, 12, 30).getTime());
console.log(Date.parse("2024-01-01T00:00:00") === Date.UTC(2024, 0, 1) ? "offset-less date-time is read as local = UTC" : "differs");
console.log(Date.parse("2024-01-01") === Date.UTC(2024, 0, 1) ? "date-only form is UTC" : "differs");
const m = new Date(Date.UTC(2024, 2, 31));
m.setMonth(1);
console.log("setMonth overflow " + m.toISOString());
m.setHours(-1);
console.log("setHours(-1) " + m.toISOString());
console.log(new Date(2020, 1, 29, 24).toISOString() + " " + new Date(1e12).getHours());
