// A sort comparator that never returns.
// expect: ETIMEOUT
// config: time=300
[5, 3, 1, 4, 2].sort((a, b) => { for (;;) {} });
