// A run whose value is a 20 MB string and too little memory to serialise
// it: the host must get the value or a failure, never something else in
// its place.  (Now: JSON.stringify runs out of memory, the prelude falls
// back to util.inspect, and the run reports OK with the value "'vvv…'...
// 19990000 more characters".)
// expect: OK|EMEMLIMIT
// config: time=3000 memory=32M
// value-length: 20000002
'v'.repeat(2e7)
