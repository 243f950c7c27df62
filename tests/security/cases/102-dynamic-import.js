// import() of host modules: there is no module loader.
// expect: OK
// value: ["ReferenceError: could not load module 'fs'","ReferenceError: could not load module 'std'","ReferenceError: could not load module 'os'","ReferenceError: could not load module '/etc/passwd'","ReferenceError: could not load module 'data:text/javascript,export default 1'"]
const r = [];
for (const m of ['fs', 'std', 'os', '/etc/passwd', 'data:text/javascript,export default 1']) {
  try { await import(m); r.push('loaded ' + m); } catch (e) { r.push(e.name + ': ' + e.message); }
}
r
