// wasi-run.mjs WASM ARG... — runs a WASI command under node's WASI, with
// the current folder as / and /tmp as /tmp, TZ=UTC.  For
// tests/applets/wasm_driver.c (see docs/applets-awk-jq.md); not used by
// make test.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';
import { argv } from 'node:process';

const wasi = new WASI({
  version: 'preview1', args: argv.slice(2), env: { TZ: 'UTC' },
  preopens: { '/': process.cwd(), '/tmp': '/tmp' }, returnOnExit: true,
});
const mod = await WebAssembly.compile(readFileSync(argv[2]));
const inst = await WebAssembly.instantiate(mod, { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(inst);
