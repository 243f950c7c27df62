// indexOf over a sparse array of length 2**32-1: billions of hole checks
// inside one engine call that never polls.
// expect: ETIMEOUT
// config: time=300
// max-ms: 3000
new Array(2 ** 32 - 1).indexOf(1);
