// A backtracking regexp over a 10 MB input: the backtrack stack grows until
// the memory limit.
// expect: EMEMLIMIT|ETIMEOUT
// config: time=3000 memory=32M
/(a|b)*c/.exec('ab'.repeat(5e6));
