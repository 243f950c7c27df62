// 2n ** huge: QuickJS caps BigInt size before allocating.
// expect: OK
// exit: 1
// config: memory=32M
// stderr-contains: RangeError: BigInt is too large
2n ** 100000000n;
