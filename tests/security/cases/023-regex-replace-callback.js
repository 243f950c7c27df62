// String.prototype.replace with a callback that never returns.
// expect: ETIMEOUT
// config: time=300
'aaaa'.replace(/a/g, () => { for (;;) {} });
