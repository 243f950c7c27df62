#!/bin/sh
# agent-scripts.sh WASMBOX_BINARY — run the JavaScript half of the public
# agent-scripts set (../shared/agent-scripts next to the repository) in the
# sandbox and compare with its recorded results (NN-name.expected = stdout,
# NN-name.expected_stderr if any, NN-name.status).
#
# The set's own `record.sh --check js/` does the work, with JS_RUNNER set to
# a wrapper that runs `WASMBOX run FILE`: each script runs twice in a fresh
# empty directory under `env -i`, as when the set was recorded.  If record.sh
# cannot run here (no bash, or a tool it insists on is missing), the same
# comparison is done below, once per script.
#
# Output, as tests/golden.sh: "PASS js/NN-name" or "FAIL js/NN-name" with a
# diff, then one line "N passed, N failed".  When the set is absent this
# prints "0 passed, 0 failed, 12 skipped" and exits 0.  Exit 1 on failure.
set -u
unset CDPATH  # cd must not print anything

[ $# -eq 1 ] || { echo "usage: agent-scripts.sh WASMBOX_BINARY" >&2; exit 2; }
bin=$1
case $bin in
*/*)
    d=$(cd "$(dirname -- "$bin")" 2>/dev/null && pwd) || { echo "agent-scripts.sh: no such directory for $bin" >&2; exit 2; }
    bin=$d/$(basename -- "$bin") ;;
*)
    p=$(command -v -- "$bin" 2>/dev/null) || { echo "agent-scripts.sh: $bin not found in PATH" >&2; exit 2; }
    bin=$p ;;
esac
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
    echo "agent-scripts.sh: $bin is not an executable file" >&2
    exit 2
fi

set_dir=$(dirname -- "$0")/../../shared/agent-scripts
if [ ! -d "$set_dir/js" ]; then
    echo "agent-scripts.sh: $set_dir not found, skipping" >&2
    echo "0 passed, 0 failed, 12 skipped"
    exit 0
fi
set_dir=$(cd "$set_dir" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/agent-scripts-js.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# The runner record.sh calls with the script path last.  record.sh splits
# JS_RUNNER on blanks and runs it under `env -i` with a minimal PATH, so the
# binary's absolute path goes inside the wrapper, quoted for sh.
q=$(printf '%s' "$bin" | sed "s/'/'\\\\''/g")
printf "#!/bin/sh\nexec '%s' run \"\$@\"\n" "$q" > "$tmp/wasmbox-js"
chmod +x "$tmp/wasmbox-js"

if [ -f "$set_dir/record.sh" ] && command -v bash >/dev/null 2>&1; then
    rc=0
    JS_RUNNER=$tmp/wasmbox-js TIMEOUT=${TIMEOUT:-30} bash "$set_dir/record.sh" --check js/ \
        > "$tmp/log" 2>&1 || rc=$?
    if tail -n 1 "$tmp/log" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
        # Labels as golden.sh's (js/NN-name); a run that differs from its
        # twin is a failure too.
        sed -e 's/^\(PASS\|FAIL\) \(js\/[^ :]*\)\.js/\1 \2/' \
            -e 's/^NONDETERMINISTIC \(js\/[^ ]*\)\.js$/FAIL \1 (two runs differ)/' "$tmp/log"
        [ $rc -eq 0 ] && exit 0
        exit 1
    fi
    echo "agent-scripts.sh: record.sh could not run (status $rc), comparing here instead:" >&2
    sed 's/^/  /' "$tmp/log" >&2
fi

# Fallback: one run per script in an empty directory, compared here.
: > "$tmp/empty"
passed=0 failed=0
for js in "$set_dir"/js/*.js; do
    [ -f "$js" ] || continue
    base=${js%.js}
    label=js/$(basename -- "$js" .js)
    mkdir "$tmp/run"
    rc=0
    (cd "$tmp/run" && env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC HOME="$tmp/run" \
        timeout "${TIMEOUT:-30}" "$bin" run "$js" < /dev/null > "$tmp/out" 2> "$tmp/err") || rc=$?
    rm -rf "$tmp/run"
    echo "$rc" > "$tmp/rc"
    exp_err=$tmp/empty
    [ -f "$base.expected_stderr" ] && exp_err=$base.expected_stderr
    if cmp -s "$base.expected" "$tmp/out" && cmp -s "$exp_err" "$tmp/err" &&
       cmp -s "$base.status" "$tmp/rc"; then
        echo "PASS $label"
        passed=$((passed + 1))
    else
        echo "FAIL $label"
        for w in out err; do
            e=$base.expected
            [ $w = err ] && e=$exp_err
            cmp -s "$e" "$tmp/$w" || {
                echo "  --- std$w differs:"
                diff -u -L "expected std$w" -L "actual std$w" "$e" "$tmp/$w" | head -n 40 | sed 's/^/  /'
            }
        done
        cmp -s "$base.status" "$tmp/rc" ||
            echo "  --- status: expected $(cat "$base.status" 2>/dev/null), got $rc"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
