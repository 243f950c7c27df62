// The same through the prototype of a million nested Proxies, reached by
// instanceof.
// expect: ETRAP
// config: memory=256M time=30000
// errmsg-contains: call stack exhausted
let p = {};
for (let i = 0; i < 1e6; i++) p = new Proxy(p, {});
p instanceof Date;
