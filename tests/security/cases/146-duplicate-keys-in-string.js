// JSON text with duplicate keys, sent as a string: it stays a string all
// the way to the provider and back.
// expect: OK
// config: policy=bank.json
// value: [true,true]
const text = '{"amount":1,"amount":5000,"to":"acct-1","__proto__":{"admin":true}}';
const back = await tools.note({ text });
const back2 = await tools.note({ text: '{"a":' + '['.repeat(900) + ']'.repeat(900) + '}' });
[back.text === text, back2.text.length === 1806]
