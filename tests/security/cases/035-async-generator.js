// for await over an endless async generator.
// expect: ETIMEOUT
// config: time=300
async function* g() { for (;;) yield 1; }
for await (const x of g()) {}
