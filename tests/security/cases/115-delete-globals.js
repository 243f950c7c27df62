// Deleting JSON, console, Promise, Error, String and Object from the global:
// the host must still get later runs' values and error reports.
// expect: OK
// after: 40 + 2 => 42
// after: ({ok: [1, 'two']}) => {"ok":[1,"two"]}
// after: typeof JSON => "undefined"
for (const n of ['JSON', 'console', 'Promise', 'Error', 'String', 'Object', 'Array', 'Symbol', 'Reflect'])
  delete globalThis[n];
'deleted'
