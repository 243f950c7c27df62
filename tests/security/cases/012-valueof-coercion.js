// valueOf that never returns, reached through an implicit coercion.
// expect: ETIMEOUT
// config: time=300
const evil = { valueOf() { for (;;) {} } };
evil + 1;
