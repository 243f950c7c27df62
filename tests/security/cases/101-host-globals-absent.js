// None of the usual host APIs exist (require is the sandbox's own: fs, path).
// expect: OK
// value: {"process":"undefined","require":"function","fetch":"undefined","setTimeout":"undefined","setInterval":"undefined","XMLHttpRequest":"undefined","Deno":"undefined","Bun":"undefined","module":"undefined","exports":"undefined","__dirname":"undefined","Buffer":"undefined","WebSocket":"undefined","Worker":"undefined","importScripts":"undefined","navigator":"undefined","location":"undefined","document":"undefined"}
const names = ['process', 'require', 'fetch', 'setTimeout', 'setInterval', 'XMLHttpRequest', 'Deno', 'Bun', 'module',
  'exports', '__dirname', 'Buffer', 'WebSocket', 'Worker', 'importScripts', 'navigator', 'location', 'document'];
const r = {};
for (const n of names) r[n] = eval('typeof ' + n);
r
