// Atomics.wait would block the thread forever: Atomics is absent.
// expect: OK
// exit: 1
// stderr-contains: ReferenceError: 'Atomics' is not defined
Atomics.wait(new Int32Array(new SharedArrayBuffer(16)), 0, 0);
