// A string argument with a lone surrogate (half of an emoji, from slicing):
// JSON.stringify writes it as an escape, which the host may refuse - but
// the call must be answered, not left hanging, and the other calls in its
// batch must go through.
// expect: OK
// config: policy=bank.json
// value-contains: ok {\"text\":\"fine\"}
const show = (p) => p.then((v) => "ok " + JSON.stringify(v), (e) => e.name + ": " + e.message);
const half = '\u{1F600}'.slice(0, 1);
const r = await Promise.all([
  show(tools.note({ text: 'fine' })),
  show(tools.note({ text: 'smile ' + half })),
]);
r
