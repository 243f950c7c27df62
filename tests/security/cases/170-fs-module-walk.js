// After the fs module loads, nothing reachable from globalThis leads to
// its natives or the host (the natives live only in fs.js's closure).
// expect: OK
// value: "none"
const fs = require('fs');
fs.writeFileSync('/tmp/x', 'y');
(() => {
  const seen = new Set();
  const suspicious = [];
  const bad = /wasi|wasm|host|native|fd_|proc_|syscall|__wb|bridge|prelude|^N$/i;
  function walk(o, path, depth) {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 8) return;
    seen.add(o);
    for (const k of Reflect.ownKeys(o)) {
      const name = typeof k === 'symbol' ? k.toString() : k;
      if (bad.test(name)) suspicious.push(path + '.' + name);
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d && 'value' in d) walk(d.value, path + '.' + name, depth + 1);
    }
    walk(Object.getPrototypeOf(o), path + '.__proto__', depth + 1);
  }
  walk(globalThis, 'globalThis', 0);
  return suspicious.join(',') || 'none';
})()
