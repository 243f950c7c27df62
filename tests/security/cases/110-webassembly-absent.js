// No WebAssembly inside the WebAssembly: no second engine to escape into.
// expect: OK
// exit: 1
// stderr-contains: ReferenceError: 'WebAssembly' is not defined
WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
