// The classic ReDoS e-mail validator.
// expect: ETIMEOUT
// config: time=300
const re = /^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/;
re.test('a'.repeat(60) + '!');
