// Walk everything reachable from globalThis (own properties, symbols,
// prototypes, getters not invoked) looking for host objects: the set of
// globals is exactly the documented one.
// expect: OK
// value: "Object,Function,Error,EvalError,RangeError,ReferenceError,SyntaxError,TypeError,URIError,InternalError,AggregateError,Array,parseInt,parseFloat,isNaN,isFinite,decodeURI,decodeURIComponent,encodeURI,encodeURIComponent,escape,unescape,Infinity,NaN,undefined,Number,Boolean,String,Math,Reflect,Symbol,eval,globalThis,BigInt,Date,RegExp,JSON,Proxy,Map,Set,WeakMap,WeakSet,ArrayBuffer,SharedArrayBuffer,Uint8ClampedArray,Int8Array,Uint8Array,Int16Array,Uint16Array,Int32Array,Uint32Array,BigInt64Array,BigUint64Array,Float32Array,Float64Array,DataView,Promise,WeakRef,FinalizationRegistry,console,require,fs,__before | suspicious: none"
(() => {
  const seen = new Set();
  const suspicious = [];
  const bad = /wasi|wasm|host|native|fd_|proc_|memory|syscall|__wb|bridge|prelude|takeBatch|resolveBatch|install/i;
  function walk(o, path, depth) {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 6) return;
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
  return Object.getOwnPropertyNames(globalThis).join(',') + ' | suspicious: ' + (suspicious.join(',') || 'none');
})()
