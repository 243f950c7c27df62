// Array.from over an array-like claiming 2**32-1 elements.
// expect: ETIMEOUT|EMEMLIMIT
// config: time=1000 memory=32M
Array.from({ length: 2 ** 32 - 1 }, (_, i) => i);
