// Doubling without flattening: QuickJS's ropes reach the string length cap
// first; a plain catchable error, no limit involved.
// expect: OK
// exit: 1
// config: memory=32M
// stderr-contains: InternalError: string too long
let s = 'x';
for (;;) s += s;
