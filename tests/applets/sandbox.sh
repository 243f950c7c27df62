# sandbox.sh — sourced by the awk/jq suites: how a test runs a shell
# command line against the applets.
#
#   sbx_init BUILD_DIR   picks the runner, sets HAVE_AWK / HAVE_JQ (1 or 0)
#                        and HAVE_FILES (1 when the sandbox can write files)
#   sbx_sh SCRIPT        runs SCRIPT; prints its stdout, returns its status
#   sbx_heredoc FILE     FILE's text as a quoted here-document (<<'WB_EOF'...)
#                        to append to a command of SCRIPT: the sandbox gets
#                        no stdin and no host files, its input is in SCRIPT
#
# Normally SCRIPT runs inside the sandbox: BUILD_DIR/wasmbox sh -c SCRIPT.
# For working on the ports before the shell exists, WB_APPLET_DRIVER may
# name a command that runs one applet outside the sandbox (for instance
# tests/applets/wasm_driver.c built for WASI, under node's WASI); SCRIPT
# then runs under the host's /bin/sh with awk and jq going to it.  make
# test never sets it.
sbx_init() {
    SBX_BIN=$1/wasmbox
    SBX_TMP=$(mktemp -d "${TMPDIR:-/tmp}/applets.XXXXXX")
    trap 'rm -rf "$SBX_TMP"' EXIT
    if [ -n "${WB_APPLET_DRIVER:-}" ]; then
        mkdir -p "$SBX_TMP/bin"
        for a in awk jq; do
            printf '#!/bin/sh\nexec %s %s "$@"\n' "$WB_APPLET_DRIVER" "$a" > "$SBX_TMP/bin/$a"
            chmod +x "$SBX_TMP/bin/$a"
        done
    fi
    HAVE_AWK=0 HAVE_JQ=0 HAVE_FILES=0
    [ "$(sbx_sh 'echo x > wb-probe && read l < wb-probe && echo "$l"' 2>/dev/null)" = x ] && HAVE_FILES=1
    [ "$(sbx_sh "echo 'x y' | awk '{print \$2}'" 2>/dev/null)" = y ] && HAVE_AWK=1
    [ "$(sbx_sh "echo '{\"a\":7}' | jq .a" 2>/dev/null)" = 7 ] && HAVE_JQ=1
    return 0
}

sbx_sh() {
    if [ -n "${WB_APPLET_DRIVER:-}" ]; then
        rm -rf "$SBX_TMP/work" && mkdir "$SBX_TMP/work"
        (cd "$SBX_TMP/work" && PATH="$SBX_TMP/bin:$PATH" TZ=UTC sh -c "$1") < /dev/null
    else
        [ -x "$SBX_BIN" ] || return 127
        # Cases write their files in the current folder: /tmp is the
        # sandbox's writable one.
        # 16M of output: some upstream awk tests print more than the 1M default.
        timeout "${SBX_TIMEOUT:-60}" "$SBX_BIN" sh --max-output 16M -c "cd /tmp 2>/dev/null
$1" < /dev/null
    fi
}

sbx_heredoc() {
    printf "<<'WB_EOF'\n%s\nWB_EOF\n" "$(cat "$1")"
}

# sbx_quote WORD — WORD as one single-quoted shell word.
sbx_quote() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}
