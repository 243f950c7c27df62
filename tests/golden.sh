#!/bin/sh
# golden.sh WASMBOX_BINARY [CASE_DIR...] — run the golden cases.
#
# A case is CASE_DIR/NAME.js.  It runs as
#     WASMBOX run $(cat NAME.args) NAME.js < /dev/null
# from inside CASE_DIR, with a 30 s timeout (GOLDEN_TIMEOUT overrides), and
# passes when stdout equals NAME.out, stderr equals NAME.err and the exit
# status equals NAME.status.  A missing .out/.err means "expect empty", a
# missing .status means 0.  NAME.args is split on blanks (no quoting).
# A case with a NAME.skip file (one line: why) is reported as SKIP.
# NAME.sed, if present, is applied to stdout before it is compared.
#
# Output: "PASS dir/NAME" or "FAIL dir/NAME" plus a short unified diff per
# case (dir is the case directory's basename, e.g. js/NAME), then exactly one
# line "N passed, N failed" (", N skipped" only when some were).  Exit status
# 1 when any case failed, 2 on usage errors.
#
# Default CASE_DIR: tests/cases/js next to this script.  POSIX sh.
set -u
unset CDPATH  # cd must not print anything

usage() { echo "usage: golden.sh WASMBOX_BINARY [CASE_DIR...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
bin=$1
shift

# The binary as an absolute path: the cases run from their own directory.
case $bin in
*/*)
    d=$(cd "$(dirname -- "$bin")" 2>/dev/null && pwd) || { echo "golden.sh: no such directory for $bin" >&2; exit 2; }
    bin=$d/$(basename -- "$bin") ;;
*)
    p=$(command -v -- "$bin" 2>/dev/null) || { echo "golden.sh: $bin not found in PATH" >&2; exit 2; }
    bin=$p ;;
esac
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
    echo "golden.sh: $bin is not an executable file" >&2
    exit 2
fi

here=$(cd "$(dirname -- "$0")" && pwd)
[ $# -gt 0 ] || set -- "$here/cases/js"

timeout_s=${GOLDEN_TIMEOUT:-30}
if command -v timeout >/dev/null 2>&1; then
    run_timeout() { timeout "$timeout_s" "$@"; }
else
    run_timeout() { "$@"; }
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
: > "$tmp/empty"
echo 0 > "$tmp/zero"

passed=0 failed=0 skipped=0

show_diff() {  # show_diff LABEL EXPECTED ACTUAL
    echo "  --- $1 differs:"
    diff -u -L "expected $1" -L "actual $1" "$2" "$3" | head -n 30 | sed 's/^/  /'
}

for dir in "$@"; do
    dir=$(cd "$dir" 2>/dev/null && pwd) || { echo "golden.sh: no such case directory: $dir" >&2; exit 2; }
    group=$(basename -- "$dir")
    found=0
    for js in "$dir"/*.js; do
        [ -f "$js" ] || continue
        found=1
        name=$(basename -- "$js" .js)
        label=$group/$name
        base=$dir/$name
        if [ -f "$base.skip" ]; then
            echo "SKIP $label: $(head -n 1 "$base.skip")"
            skipped=$((skipped + 1))
            continue
        fi
        args=
        [ -f "$base.args" ] && args=$(cat "$base.args")
        rc=0
        (
            cd "$dir" || exit 125
            set -f
            # shellcheck disable=SC2086  # NAME.args is split on purpose
            run_timeout "$bin" run $args "$name.js" < /dev/null > "$tmp/out" 2> "$tmp/err"
        ) || rc=$?
        echo "$rc" > "$tmp/rc"
        # NAME.sed: a sed script applied to stdout before comparing, for
        # values that change with the engine build (e.g. --json's fuel).
        if [ -f "$base.sed" ]; then
            sed -f "$base.sed" "$tmp/out" > "$tmp/out.sed" && mv "$tmp/out.sed" "$tmp/out"
        fi

        exp_out=$tmp/empty exp_err=$tmp/empty exp_rc=$tmp/zero
        [ -f "$base.out" ] && exp_out=$base.out
        [ -f "$base.err" ] && exp_err=$base.err
        if [ -f "$base.status" ]; then
            tr -d ' \t\r\n' < "$base.status" > "$tmp/exp_rc" && echo >> "$tmp/exp_rc"
            exp_rc=$tmp/exp_rc
        fi

        ok=1
        cmp -s "$exp_out" "$tmp/out" || ok=0
        cmp -s "$exp_err" "$tmp/err" || ok=0
        cmp -s "$exp_rc" "$tmp/rc" || ok=0
        if [ $ok = 1 ]; then
            echo "PASS $label"
            passed=$((passed + 1))
        else
            echo "FAIL $label"
            cmp -s "$exp_out" "$tmp/out" || show_diff stdout "$exp_out" "$tmp/out"
            cmp -s "$exp_err" "$tmp/err" || show_diff stderr "$exp_err" "$tmp/err"
            if ! cmp -s "$exp_rc" "$tmp/rc"; then
                note=
                [ "$rc" = 124 ] && note=" (timed out after ${timeout_s}s)"
                echo "  --- status: expected $(cat "$exp_rc"), got $rc$note"
            fi
            failed=$((failed + 1))
        fi
    done
    [ $found = 1 ] || echo "golden.sh: warning: no *.js cases in $dir" >&2
done

if [ $skipped -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
