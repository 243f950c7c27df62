// An array that grows until the memory limit.  The uncaught out-of-memory
// error rolls the run back (the global would otherwise keep the memory
// full and fail every later run), and the sandbox runs small scripts
// afterwards.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
// stderr-contains: out of memory
// after: typeof keep => "undefined"
const keep = [];
for (;;) keep.push(keep.length);
