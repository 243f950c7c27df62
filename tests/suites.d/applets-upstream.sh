#!/bin/sh
# applets-upstream.sh BUILD_DIR — the upstream test suites of awk and jq,
# run against the sandboxed applets (`wasmbox sh -c`, tests/applets/sandbox.sh):
# - jq: tests/{jq,onig,man,manonig,optional,base64}.test of the jq source
#   through `jq --run-tests` (jq's own driver: program, input, expected
#   output triples; the module tests cannot find tests/modules, which is not
#   in the sandbox, so a few of jq.test fail for that reason alone);
# - awk: onetrue-awk's bugs-fixed/ (X.awk on X.in, output with errors
#   compared with X.ok, the program name written as awk) and testdir/t.*
#   on test.data, compared with Debian's original-awk of the same version
#   run natively (the differential test of upstream's Compare.t).
# The pass rate of each is printed; the per-test failures go to the log
# (this output).  One counted test per suite file: it fails only when the
# rate drops below its floor, set from the measured rate.  Suites of an
# applet missing from the build (or all, without the shell) are skipped.
set -u
H=${1:?usage: applets-upstream.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/applets/sandbox.sh"
sbx_init "$H"
jqsrc=$top/third_party/src/jq/tests
awksrc=$top/third_party/src/original-awk
passed=0 failed=0 skipped=0

# verdict NAME PASS TOTAL FLOOR_PERCENT
verdict() {
    rate=$(( $3 > 0 ? $2 * 1000 / $3 : 0 ))
    printf '%s: %d of %d passed (%d.%d%%), floor %d%%\n' "$1" "$2" "$3" $((rate / 10)) $((rate % 10)) "$4"
    if [ "$3" -gt 0 ] && [ $(($2 * 100)) -ge $(($3 * $4)) ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL upstream/$1: pass rate below the floor of $4%"
    fi
}

# --- jq
if [ "$HAVE_JQ" = 1 ] && [ -d "$jqsrc" ]; then
    for t in jq:93 onig:100 man:99 manonig:100 optional:100 base64:100; do
        name=${t%%:*} floor=${t#*:}
        [ -f "$jqsrc/$name.test" ] || continue
        sbx_sh "jq --run-tests $(sbx_heredoc "$jqsrc/$name.test")" > "$SBX_TMP/jq.log" 2>&1
        sed -n '/^\*\*\*/p' "$SBX_TMP/jq.log" | sed "s/^/  $name.test: /" | head -40
        line=$(grep -E '^[0-9]+ of [0-9]+ tests passed' "$SBX_TMP/jq.log" | tail -1)
        ok=$(echo "$line" | cut -d' ' -f1)
        total=$(echo "$line" | cut -d' ' -f3)
        malformed=$(echo "$line" | sed -n 's/.*(\([0-9]*\) malformed.*/\1/p')
        verdict "jq/$name.test" "${ok:-0}" $(( ${total:-0} + ${malformed:-0} )) "$floor"
    done
else
    skipped=$((skipped + 1))
fi

# --- awk
run_awk() { # run_awk PROGRAM-FILE INPUT-FILE -> output with errors
    sbx_sh "awk $(sbx_quote "$(cat "$1")") 2>&1 $(sbx_heredoc "$2")"
}
# save FILE: a command that writes FILE's text to a file of the same name.
save() {
    echo "awk '{ print > \"$(basename "$1")\" }' $(sbx_heredoc "$1")"
}
if [ "$HAVE_AWK" = 1 ] && [ "$HAVE_FILES" = 1 ] && [ -d "$awksrc/bugs-fixed" ]; then
    ok=0 total=0
    for p in "$awksrc"/bugs-fixed/*.awk; do
        b=${p%.awk}
        total=$((total + 1))
        # As upstream's REGRESS: awk -f X.awk [X.in], errors included.
        script="$(save "$p")"
        args=
        if [ -f "$b.in" ]; then
            script="$script
$(save "$b.in")"
            args=" $(basename "$b.in")"
        fi
        sbx_sh "$script
awk -f $(basename "$p")$args 2>&1" > "$SBX_TMP/out"
        sed 's|\.\./a\.out|awk|g' "$b.ok" > "$SBX_TMP/ok"
        if cmp -s "$SBX_TMP/ok" "$SBX_TMP/out"; then
            ok=$((ok + 1))
        else
            echo "  bugs-fixed/$(basename "$p") differs:"
            diff "$SBX_TMP/ok" "$SBX_TMP/out" | head -6 | sed 's/^/    /'
        fi
    done
    verdict awk/bugs-fixed "$ok" "$total" 70
else
    echo "awk/bugs-fixed: skipped (needs awk and a sandbox that can write files)"
    skipped=$((skipped + 1))
fi
if [ "$HAVE_AWK" = 1 ] && [ -d "$awksrc/testdir" ]; then

    if command -v original-awk > /dev/null 2>&1; then
        ok=0 total=0
        for p in "$awksrc"/testdir/t.*; do
            total=$((total + 1))
            (cd "$awksrc/testdir" && original-awk "$(cat "$p")" < test.data > "$SBX_TMP/ref" 2>&1)
            run_awk "$p" "$awksrc/testdir/test.data" > "$SBX_TMP/out"
            if cmp -s "$SBX_TMP/ref" "$SBX_TMP/out"; then
                ok=$((ok + 1))
            else
                echo "  testdir/$(basename "$p") differs from original-awk:"
                diff "$SBX_TMP/ref" "$SBX_TMP/out" | head -6 | sed 's/^/    /'
            fi
        done
        verdict awk/testdir-t "$ok" "$total" 90
    else
        echo "awk/testdir-t: skipped, original-awk (the reference) is not installed"
        skipped=$((skipped + 1))
    fi
else
    skipped=$((skipped + 1))
fi

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
