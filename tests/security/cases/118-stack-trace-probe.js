// Stack traces name only the script and the engine's native frames: no
// host paths, no source of the host glue.
// expect: OK
// value: false
function deep(n) { return n ? deep(n - 1) : new Error('x').stack; }
const stacks = [deep(5)];
try { null.x; } catch (e) { stacks.push(e.stack); }
try { JSON.parse('{'); } catch (e) { stacks.push(e.stack); }
/\/work|\/home|\/usr|\.c:|wasm|host/.test(stacks.join('\n'))
