// Date edge values and locale formatting with hostile arguments.
// expect: OK
// value: "done"
new Date(8.64e15 + 1).toString();
new Date(-8.64e15).toISOString();
try { new Date(NaN).toISOString(); } catch (e) {}
new Date(0).toLocaleString('x'.repeat(100000), { timeZone: 'Mars/Olympus' });
Date.UTC(1e308, 1e308);
'done'
