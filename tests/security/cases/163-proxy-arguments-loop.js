// A Proxy argument whose ownKeys trap never returns.
// expect: ETIMEOUT
// config: policy=bank.json time=300
tools.pay(new Proxy({}, { ownKeys() { for (;;) {} } }));
