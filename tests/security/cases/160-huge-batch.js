// 20000 calls in one batch (session budget 1000): the host answers every
// one of them, allowing the first 1000.
// expect: OK
// config: policy=bank.json time=5000
// value: [1000,19000]
const r = await Promise.allSettled(Array.from({ length: 20000 }, () => tools.weather({ city: 'Paris' })));
[r.filter((x) => x.status === 'fulfilled').length, r.filter((x) => x.status === 'rejected').length]
