// Splitting a 10 MB string into ten million one-character strings.
// expect: EMEMLIMIT
// config: time=3000 memory=32M
'x'.repeat(1e7).split('').length;
