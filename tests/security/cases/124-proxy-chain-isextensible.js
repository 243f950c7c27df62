// A chain of a million Proxies: Object.isExtensible recurses through them
// in C without QuickJS's stack check, until the guest's native stack runs
// out.  That is a trap: the run is rolled back, the sandbox lives on.
// expect: ETRAP
// config: memory=256M time=30000
// errmsg-contains: call stack exhausted
// errmsg-contains: the sandbox was restored to its state before this run
// after: typeof set_in_run => "undefined"
globalThis.set_in_run = 1;
let p = {};
for (let i = 0; i < 1e6; i++) p = new Proxy(p, {});
Object.isExtensible(p);
