// None of the usual host APIs exist.
// expect: OK
// value: {"process":"undefined","require":"undefined","fetch":"undefined","setTimeout":"undefined","setInterval":"undefined","XMLHttpRequest":"undefined","Deno":"undefined","Bun":"undefined","module":"undefined","exports":"undefined","__dirname":"undefined","Buffer":"undefined","WebSocket":"undefined","Worker":"undefined","importScripts":"undefined","navigator":"undefined","location":"undefined","document":"undefined"}
const names = ['process', 'require', 'fetch', 'setTimeout', 'setInterval', 'XMLHttpRequest', 'Deno', 'Bun', 'module',
  'exports', '__dirname', 'Buffer', 'WebSocket', 'Worker', 'importScripts', 'navigator', 'location', 'document'];
const r = {};
for (const n of names) r[n] = eval('typeof ' + n);
r
