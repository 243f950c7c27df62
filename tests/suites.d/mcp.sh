#!/bin/sh
# mcp.sh BUILD_DIR — MCP tests: the official @modelcontextprotocol/sdk
# client (pinned by tests/mcp/package-lock.json) against `wasmbox mcp`, code
# mode through an upstream server made with the same SDK, and raw malformed
# input.  npm ci runs only when the lockfile changed (a stamp in the
# git-ignored node_modules records the one installed).  Prints PASS/FAIL
# lines and ends with "N passed, N failed[, N skipped]".
set -u
H=${1:?usage: tests/suites.d/mcp.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/tests/mcp
bin=$(cd "$H" && pwd)/wasmbox
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "FAIL mcp: node and npm are needed (Debian packages nodejs npm; make test installs them)"
    echo "0 passed, 1 failed"
    exit 1
fi
want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
have=$(cat "$dir/node_modules/.wasmbox-lock-sha256" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
    if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>"$dir/.npm-ci.log"); then
        echo "FAIL mcp: npm ci failed (network? see tests/mcp/.npm-ci.log):"
        tail -5 "$dir/.npm-ci.log"
        echo "0 passed, 1 failed"
        exit 1
    fi
    rm -f "$dir/.npm-ci.log"
    echo "$want" > "$dir/node_modules/.wasmbox-lock-sha256"
fi
cd "$dir" && exec timeout 300 node client-test.mjs "$bin"
