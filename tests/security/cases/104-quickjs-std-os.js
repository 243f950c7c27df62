// The QuickJS command-line helpers (std, os, print, scriptArgs,
// __loadScript, bjson) are not in the sandbox.
// expect: OK
// value: ["undefined","undefined","undefined","undefined","undefined","undefined","undefined"]
[typeof std, typeof os, typeof print, typeof scriptArgs, typeof __loadScript, typeof bjson, typeof gc]
