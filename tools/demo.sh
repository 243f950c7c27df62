#!/bin/sh
# demo.sh WASMBOX — what `make demo` shows: agent-written JavaScript run
# inside the sandbox, its value handed back as JSON, errors reported the way
# a model can act on them, and a memory bomb stopped by the limit.
set -u
wb=${1:?usage: tools/demo.sh path/to/wasmbox}
top=$(cd "$(dirname "$0")/.." && pwd)
# One stream, so errors show up where they happen.
exec 2>&1
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "$2"; }

step "An agent's script, its output and its value (--print)" "wasmbox run --print examples/sales-report.js"
"$wb" run --print "$top/examples/sales-report.js"

step "The same run as one JSON object for a framework (--json)" "wasmbox run --json -e '...'"
"$wb" run --json -e 'const xs = [3, 1, 2]; console.log("sorted", xs.toSorted()); xs.length'

step "Top-level await, with a fixed clock and a seeded Math.random" \
     "wasmbox run --fixed-clock 1700000000000 --seed 7 -e '...'"
"$wb" run --fixed-clock 1700000000000 --seed 7 -e '
const wait = (v) => new Promise((r) => r(v));
console.log(new Date().toISOString(), await wait("resolved"), Math.random().toFixed(6));'

step "An uncaught error: name, message and stack on stderr, exit status 1" "wasmbox run -e '...'"
"$wb" run -e 'function parse(s) { return JSON.parse(s); }
parse("{oops}")'
echo "(exit status $?)"

step "A memory bomb meets the 32 MiB limit: exit status 3, and the message says how to raise it" \
     "wasmbox run --memory 32M -e '...'"
"$wb" run --memory 32M -e 'const a = []; for (;;) a.push(new Array(1e5).fill(0));'
echo "(exit status $?)"

step "A hostile loop meets the 200 ms time limit; the sandbox is fine afterwards (exit status 3)" \
     "wasmbox run --time-limit 200 --json -e 'while (true) {}'"
"$wb" run --time-limit 200 --json -e 'while (true) {}'
echo "(exit status $?)"

step "Tools: the only way out, checked against a policy (one call is denied)" \
     "wasmbox run --policy examples/policy.json --audit calls.jsonl --print examples/trip-planner.js"
tmp=$(mktemp -d)
sed "s|@TOP@|$top|" "$top/examples/policy.json.in" > "$tmp/policy.json"
"$wb" run --policy "$tmp/policy.json" --audit "$tmp/calls.jsonl" --print "$top/examples/trip-planner.js"
echo "-- the audit log (the email body is redacted):"
cat "$tmp/calls.jsonl"
rm -rf "$tmp"

step "Nothing from the host is reachable: no require, no process, no fetch" "wasmbox run -e '...'"
"$wb" run -e 'console.log(typeof require, typeof process, typeof fetch, typeof std, typeof os)'
