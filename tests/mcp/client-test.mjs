// MCP tests for `wasmbox mcp` with the official TypeScript SDK client.
//
//   node client-test.mjs WASMBOX
//
// Prints one PASS/FAIL/SKIP line per check and ends with
// "N passed, N failed[, N skipped]".  Three kinds of checks:
//  - the SDK Client over StdioClientTransport: initialize, tools/list,
//    run_javascript with state kept between calls, run_shell (skipped when
//    the build has no shell), a denied tool call, limit stops, cancellation;
//  - code mode: an upstream server written with the same SDK
//    (upstream-server.mjs) listed in the policy's mcp_servers, its tools
//    called from JS under the policy's constraints, its env secret kept
//    out of the sandbox;
//  - raw bytes over a spawned process: malformed JSON, unknown methods,
//    wrong params, batches, version negotiation, stdout carrying only
//    protocol lines.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const WASMBOX = resolve(process.argv[2] || "build/host/wasmbox");
const HERE = dirname(fileURLToPath(import.meta.url));
const SECRET = "s3cr3t-t0ken";
let passed = 0, failed = 0, skipped = 0;

function check(name, ok, detail) {
  if (ok) { passed++; console.log("PASS " + name); }
  else { failed++; console.log("FAIL " + name + (detail !== undefined ? ": " + detail : "")); }
}
function skip(name, why) { skipped++; console.log("SKIP " + name + ": " + why); }
const show = (v) => { try { return JSON.stringify(v).slice(0, 600); } catch { return String(v); } };

const tmp = mkdtempSync(join(tmpdir(), "wasmbox-mcp-"));
const policyPath = join(tmp, "policy.json");
writeFileSync(policyPath, JSON.stringify({
  version: 1,
  limits: { time_ms: 20000 },
  mcp_servers: {
    up: { command: process.execPath, args: [join(HERE, "upstream-server.mjs")], cwd: HERE,
          env: { UPSTREAM_SECRET: SECRET }, timeout_ms: 20000 },
  },
  tools: {
    echo: {
      description: "Echoes its arguments",
      params: { type: "object", required: ["msg"], properties: { msg: { type: "string", maxLength: 40 } } },
      constraints: [{ path: "msg", op: "starts_with", value: "ok" }],
      provider: { type: "builtin", name: "echo" },
    },
    "up.add": { constraints: [{ path: "a", op: "<=", value: 100 }] },
    "up.fail": {},
  },
}, null, 2));

async function connect(args, env) {
  const transport = new StdioClientTransport({ command: WASMBOX, args: ["mcp", ...args], stderr: "pipe",
                                               env: env || { PATH: process.env.PATH } });
  const client = new Client({ name: "wasmbox-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, transport };
}

const js = (client, code, extra = {}, opts) =>
  client.callTool({ name: "run_javascript", arguments: { code, ...extra } }, undefined, opts);

// ------------------------------------------------------------------ SDK client
async function sdkTests() {
  const { client } = await connect(["--policy", policyPath]);
  check("initialize: server is wasmbox", client.getServerVersion()?.name === "wasmbox", show(client.getServerVersion()));
  check("initialize: capabilities.tools", !!client.getServerCapabilities()?.tools);

  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name);
  const rj = tools.find((t) => t.name === "run_javascript");
  check("tools/list has run_javascript", !!rj, show(names));
  check("run_javascript schema requires code", rj?.inputSchema?.required?.includes("code"), show(rj?.inputSchema));
  check("description declares the policy tools in TypeScript",
        rj?.description.includes("declare const tools") && rj.description.includes("echo(args: { msg: string }): Promise<any>"),
        rj?.description);
  check("description declares upstream tools with their schema",
        /up: \{\n\s+\/\*\* Adds two numbers \*\/\n\s+add\(args: \{ \/\*\* first addend \*\/ a: number; b: number \}\): Promise<any>;/
          .test(rj?.description || ""), rj?.description);
  check("unlisted upstream tool is not declared", !(rj?.description || "").includes("delete_all"));

  let r = await js(client, "globalThis.counter = 41; console.log('hello'); counter + 1");
  check("run_javascript: value", r.structuredContent?.value === 42 && r.isError === false, show(r));
  check("run_javascript: stdout", r.structuredContent?.stdout === "hello\n" && r.content[0].text.includes("hello"), show(r));
  r = await js(client, "counter += 10; counter");
  check("state persists between calls", r.structuredContent?.value === 51, show(r));
  r = await js(client, "function twice(x) { return 2 * x }");
  r = await js(client, "twice(counter)");
  check("functions persist between calls", r.structuredContent?.value === 102, show(r));

  r = await js(client, "null.x");
  check("thrown error: isError and stderr", r.isError === true && r.structuredContent?.exit_code === 1 &&
        /TypeError/.test(r.structuredContent?.stderr), show(r));
  check("thrown error: text names it", /TypeError/.test(r.content[0].text), show(r));

  if (names.includes("run_shell")) {
    const s = await client.callTool({ name: "run_shell", arguments: { script: "echo hi; x=5; echo $((x * 2))" } });
    check("run_shell: stdout", s.structuredContent?.stdout === "hi\n10\n" && !s.isError, show(s));
  } else {
    skip("run_shell: stdout", "this build has no shell (WB_SH answers ELANG)");
  }

  // Tool calls from the code: allowed, and denied by a constraint.
  r = await js(client, "await tools.echo({ msg: 'ok then' })");
  check("allowed tool call", r.structuredContent?.value?.msg === "ok then", show(r));
  r = await js(client, "try { await tools.echo({ msg: 'rm -rf' }); 'no' } catch (e) { e.name + ': ' + e.message }");
  check("denied tool call rejects with ToolDeniedError",
        /^ToolDeniedError: tool "echo" denied: constraint msg starts_with "ok" failed/.test(r.structuredContent?.value), show(r));

  // Limits: a loop past the call's timeout stops; the sandbox lives on.
  const t0 = Date.now();
  r = await js(client, "while (true) {}", { timeout: 300 });
  check("timeout stops a loop", r.isError === true && r.structuredContent?.status === "ETIMEOUT" &&
        Date.now() - t0 < 5000, show(r));
  r = await js(client, "counter");
  check("state survives a stopped run", r.structuredContent?.value === 51, show(r));
  r = await js(client, "for (;;) console.log('x'.repeat(1000))");
  check("output limit stops a run", r.isError === true && r.structuredContent?.status === "EOUTPUT", show(r).slice(0, 300));

  // Cancellation: the SDK sends notifications/cancelled; the run stops.
  const ac = new AbortController();
  const t1 = Date.now();
  const slow = js(client, "while (true) {}", {}, { signal: ac.signal });
  setTimeout(() => ac.abort("test cancels"), 300);
  let aborted = false;
  try { await slow; } catch { aborted = true; }
  check("cancelled call rejects in the client", aborted);
  r = await js(client, "counter + 1");
  const dt = Date.now() - t1;
  check("cancel stops the run (next call answered promptly)", r.structuredContent?.value === 52 && dt < 5000,
        "after " + dt + " ms: " + show(r));

  // Code mode: upstream tools under the policy.
  r = await js(client, "await tools.up.add({ a: 2, b: 3 })");
  check("code mode: upstream tool called from JS", r.structuredContent?.value?.sum === 5, show(r));
  check("code mode: the upstream server got its env secret", r.structuredContent?.value?.authenticated === true, show(r));
  r = await js(client, "(await Promise.all([tools.up.add({ a: 1, b: 1 }), tools.up.add({ a: 2, b: 2 }), " +
                       "tools.echo({ msg: 'ok' })])).map((v) => v.sum ?? v.msg)");
  check("code mode: a batch of upstream and local calls", show(r.structuredContent?.value) === '[2,4,"ok"]', show(r));
  r = await js(client, "try { await tools.up.add({ a: 1000, b: 1 }); 'allowed' } catch (e) { e.name + ': ' + e.message }");
  check("code mode: constraint denies a call",
        /^ToolDeniedError: tool "up.add" denied: constraint a <= 100 failed: a is 1000/.test(r.structuredContent?.value), show(r));
  r = await js(client, "[typeof tools.up.delete_all, typeof tools['up.delete_all'], tools.list().map(t => t.name).join()]");
  check("code mode: unlisted upstream tool does not exist", show(r.structuredContent?.value) === '["undefined","undefined","echo,up.add,up.fail"]', show(r));
  r = await js(client, "try { await tools.up.fail({ why: 'nope' }); 'ok' } catch (e) { e.name + ': ' + e.message }");
  check("code mode: upstream isError becomes ToolError", r.structuredContent?.value === 'ToolError: tool "up.fail" failed: failed: nope', show(r));
  r = await js(client, "[typeof process, typeof require, JSON.stringify(tools.list()), JSON.stringify(Object.getOwnPropertyNames(globalThis))]");
  check("code mode: the secret is not visible in the sandbox", r.isError === false && !JSON.stringify(r).includes(SECRET), show(r));
  await client.close();

  // A second connection has its own sandbox; --fuel stops a loop.
  const c2 = (await connect(["--fuel", "2000000"])).client;
  r = await js(c2, "typeof counter");
  check("a new connection gets a fresh sandbox", r.structuredContent?.value === "undefined", show(r));
  r = await js(c2, "for (let i = 0; ; i++) {}");
  check("fuel limit stops a loop", r.isError === true && r.structuredContent?.status === "EFUEL", show(r));
  await c2.close();
}

// ------------------------------------------------------------------ raw bytes
// Sends lines to a fresh `wasmbox mcp` and collects the answers until `want`
// lines came back (or a timeout).
function raw(lines, want, args = []) {
  return new Promise((done) => {
    const p = spawn(WASMBOX, ["mcp", ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "", err = "";
    const finish = () => { clearTimeout(timer); p.kill(); done({ lines: out.split("\n").filter((l) => l.length), err }); };
    const timer = setTimeout(finish, 10000);
    p.stdout.on("data", (d) => { out += d; if (out.split("\n").filter((l) => l.length).length >= want) finish(); });
    p.stderr.on("data", (d) => { err += d; });
    p.stdin.write(lines.join("\n") + "\n");
  });
}

const init = (v) => JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize",
  params: { protocolVersion: v, capabilities: {}, clientInfo: { name: "raw", version: "1" } } });

async function rawTests() {
  const { lines, err } = await raw([
    init("2025-06-18"),
    '{"jsonrpc":"2.0","method":"notifications/initialized"}',
    "this is not json",
    '{"jsonrpc":"2.0","id":2,"method":"no/such/method"}',
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"arguments":{"code":"1"}}}',
    '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"run_javascript","arguments":{"code":42}}}',
    '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"rm_rf","arguments":{}}}',
    '{"jsonrpc":"1.0","id":6,"method":"ping"}',
    '{"jsonrpc":"2.0","id":7,"method":"ping","params":[1]}',
    '[{"jsonrpc":"2.0","id":8,"method":"ping"}]',
    '{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"run_javascript","arguments":{"code":"1","extra":1}}}',
    '{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}',
    '{"jsonrpc":"2.0","id":10,"method":"ping","params":{},"params":{}}',
    '{"jsonrpc":"2.0","id":11,"method":"ping"}',
  ], 14);
  const msgs = lines.map((l) => { try { return JSON.parse(l); } catch { return { unparsable: l }; } });
  check("stdout carries only JSON-RPC lines", msgs.every((m) => m.jsonrpc === "2.0"), show(lines));
  const byId = (id) => msgs.find((m) => m.id === id);
  const codeOf = (id) => byId(id)?.error?.code;
  check("initialize answers the client's supported version", byId(0)?.result?.protocolVersion === "2025-06-18", show(byId(0)));
  const parse = msgs.filter((m) => m.id === null && m.error?.code === -32700);
  check("bad JSON: -32700 parse error", parse.length === 2 && /line 1, column 1/.test(parse[0].error.message), show(msgs));
  check("unknown method: -32601", codeOf(2) === -32601, show(byId(2)));
  check("tools/call without name: -32602", codeOf(3) === -32602, show(byId(3)));
  check("tools/call with code of the wrong type: -32602", codeOf(4) === -32602 && /must be a string/.test(byId(4).error.message), show(byId(4)));
  check("tools/call of an unknown tool: -32602", codeOf(5) === -32602 && /unknown tool "rm_rf"/.test(byId(5).error.message), show(byId(5)));
  check("wrong jsonrpc version: -32600", codeOf(6) === -32600, show(byId(6)));
  check("params that are not an object: -32602", codeOf(7) === -32602, show(byId(7)));
  check("batch refused under 2025-06-18: -32600",
        msgs.some((m) => m.id === null && m.error?.code === -32600 && /batches/.test(m.error.message)), show(msgs));
  check("unknown argument: -32602", codeOf(9) === -32602 && /unknown argument "extra"/.test(byId(9).error.message), show(byId(9)));
  check("id of the wrong type: -32600", msgs.some((m) => m.id === null && m.error?.code === -32600 && /"id"/.test(m.error.message)), show(msgs));
  check("the server keeps serving after bad input", byId(11)?.result !== undefined, show(byId(11)));
  check("logs go to stderr", /wasmbox mcp: ready/.test(err), err);

  const b = await raw([
    init("2025-03-26"),
    '[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},' +
      '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"run_javascript","arguments":{"code":"6*7"}}},' +
      '{"jsonrpc":"2.0","id":3,"method":"bogus"}]',
    "[]",
  ], 3);
  // Answers to separate lines may come in any order: the batch runs on the
  // worker, the empty batch is refused at once.
  const bm = b.lines.map((l) => JSON.parse(l));
  const arr = bm.find((m) => Array.isArray(m)) || null;
  check("batch under 2025-03-26: one array answer in order", Array.isArray(arr) && arr.length === 3 &&
        arr[0].id === 1 && arr[1].result?.content?.[0]?.text === "value: 42\n" && arr[2].error?.code === -32601, show(b.lines));
  check("2025-03-26: no structuredContent", Array.isArray(arr) && arr[1].result && !("structuredContent" in arr[1].result), show(arr));
  check("empty batch: -32600", bm.some((m) => !Array.isArray(m) && m.id === null && m.error?.code === -32600), show(b.lines));

  for (const [asked, want] of [["2024-11-05", "2024-11-05"], ["2025-11-25", "2025-11-25"], ["1999-01-01", LATEST_PROTOCOL_VERSION]]) {
    const v = await raw([init(asked)], 1);
    const got = v.lines.length ? JSON.parse(v.lines[0]).result?.protocolVersion : undefined;
    check("version negotiation: " + asked + " -> " + want, got === want, show(v.lines));
  }
}

// Starts `wasmbox mcp` with a policy and waits for it to exit.
function start(policy) {
  const p = join(tmp, "start.json");
  writeFileSync(p, JSON.stringify(policy));
  return new Promise((done) => {
    const c = spawn(WASMBOX, ["mcp", "--policy", p], { stdio: ["pipe", "pipe", "pipe"] });
    let err = "", out = "";
    c.stdout.on("data", (d) => { out += d; });
    c.stderr.on("data", (d) => { err += d; });
    c.on("exit", (code) => done({ code, err, out }));
    c.stdin.end();
  });
}

async function badStartTests() {
  // A policy whose upstream server does not offer a listed tool: no start.
  let r = await start({ tools: { "up.nope": {} }, mcp_servers: {
    up: { command: process.execPath, args: [join(HERE, "upstream-server.mjs")], cwd: HERE } } });
  check("policy tool missing upstream: clear error, exit 4",
        r.code === 4 && /policy tool "up.nope" is not offered by MCP server "up"; it offers: add, delete_all, fail/.test(r.err) &&
        r.out === "", show(r));
  r = await start({ tools: {}, mcp_servers: { gone: { command: "/nonexistent/mcp-server" } } });
  check("upstream program missing: clear error, exit 4",
        r.code === 4 && /MCP server "gone": cannot start \/nonexistent\/mcp-server: No such file or directory/.test(r.err), show(r));
  // Whether it is gone before or after we write depends on timing.
  r = await start({ tools: {}, mcp_servers: { quits: { command: "/bin/true" } } });
  check("upstream that exits at once: clear error, exit 4",
        r.code === 4 && /MCP server "quits": (the server exited while waiting for the answer to initialize|cannot send initialize: Broken pipe \(did it exit\?\))/.test(r.err), show(r));
  r = await start({ tools: {}, mcp_servers: { slow: { command: "/bin/sleep", args: ["10"], timeout_ms: 300 } } });
  check("upstream that never answers: timeout, exit 4",
        r.code === 4 && /MCP server "slow": no answer within timeout_ms while waiting for the answer to initialize \(300 ms\)/.test(r.err), show(r));
}

try {
  await sdkTests();
  await rawTests();
  await badStartTests();
} catch (e) {
  check("no unexpected exception", false, e && e.stack || String(e));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed ? 1 : 0);
