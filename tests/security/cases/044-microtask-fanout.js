// Every job queues two more: the queue grows without bound.
// expect: ETIMEOUT|EMEMLIMIT
// config: time=500 memory=32M
function f() { Promise.resolve().then(f); Promise.resolve().then(f); }
f();
