// wasi-run.mjs — test-only: runs build/toybox/driver.wasm under node's
// WASI with the current directory and /tmp preopened.
//   node tests/applets/wasi-run.mjs [--wasm FILE] NAME ARGS...
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

let args = process.argv.slice(2);
let file = new URL('../../build/toybox/driver.wasm', import.meta.url);
if (args[0] === '--wasm') { file = args[1]; args = args.slice(2); }
const wasi = new WASI({
  version: 'preview1',
  args: ['driver', ...args],
  env: { PATH: '/bin', TZ: 'UTC' },
  preopens: { '.': process.cwd(), '/tmp': '/tmp' },
  returnOnExit: true,
});
const mod = await WebAssembly.compile(readFileSync(file));
const inst = await WebAssembly.instantiate(mod, wasi.getImportObject());
process.exitCode = wasi.start(inst);
