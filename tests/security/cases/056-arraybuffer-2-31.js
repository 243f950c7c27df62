// ArrayBuffer(2**31): past what a wasm32 guest can address at all.
// expect: OK
// exit: 1
// stderr-contains: RangeError: invalid array buffer length
new ArrayBuffer(2 ** 31);
