#!/bin/sh
# record.sh [--check] [NAME...] — record the expected results of golden
# cases with node (the reference engine), next to this script:
#     NAME.out     stdout (always written)
#     NAME.err     stderr (written only when non-empty, removed otherwise)
#     NAME.status  exit status (written only when non-zero, removed otherwise)
#
# NAME is a case name (closures), a file (closures.js) or a shell pattern
# quoted for us ('regexp-*').  Default: every case except inspect-* (another
# owner's; name them to record them).
#
# A case whose expected result cannot come from node has NAME.manual, one
# line saying why (QuickJS stack traces, uncaught-error formatting,
# --seed/--fixed-clock/--print, ...).  Its files are written by hand and
# record.sh skips it.  A case with NAME.args (wasmbox options) must be
# manual, as node cannot take them.
#
# Each case runs twice under node, in a fresh temp directory holding only a
# copy of NAME.js, with `env -i` plus TZ=UTC LC_ALL=C and stdin from
# /dev/null; both runs must agree.  Node treats a file using top-level
# await as an ES module (strict mode), otherwise as CommonJS: cases keep to
# code that means the same in a plain script.
#
#   --check   compare node's results with the recorded files instead of
#             writing them; "N passed, N failed" at the end, exit 1 on failure
#   NODE=...  the node binary (default: node from PATH)
set -u
unset CDPATH  # cd must not print anything

here=$(cd "$(dirname -- "$0")" && pwd)
mode=record
case ${1:-} in
--check) mode=check; shift ;;
-h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
-*) echo "record.sh: unknown option $1" >&2; exit 2 ;;
esac

node=${NODE:-node}
node=$(command -v -- "$node") || { echo "record.sh: node not found" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/record-js.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# The list of case names to handle, one a line.
{
    if [ $# -eq 0 ]; then
        for f in "$here"/*.js; do
            [ -f "$f" ] || continue
            n=$(basename -- "$f" .js)
            case $n in inspect-*) continue ;; esac
            echo "$n"
        done
    else
        for a in "$@"; do
            a=$(basename -- "$a" .js)
            m=0
            for f in "$here"/$a.js; do
                [ -f "$f" ] || continue
                m=1
                basename -- "$f" .js
            done
            [ $m = 1 ] || { echo "record.sh: no case matches $a" >&2; echo "!"; }
        done
    fi
} > "$tmp/names"
grep -qx '!' "$tmp/names" && exit 2

run_node() {  # run_node NAME TAG: TAG.out TAG.err TAG.rc in $tmp
    rm -rf "$tmp/run"
    mkdir -p "$tmp/run/home"
    cp "$here/$1.js" "$tmp/run/$1.js"
    rc=0
    (cd "$tmp/run" && env -i PATH=/usr/bin:/bin HOME="$tmp/run/home" TZ=UTC LC_ALL=C \
        timeout 30 "$node" "$1.js" < /dev/null > "$tmp/$2.out" 2> "$tmp/$2.err") || rc=$?
    echo "$rc" > "$tmp/$2.rc"
}

: > "$tmp/empty"
echo 0 > "$tmp/zero"
done_n=0 failed=0 skipped=0
while IFS= read -r name; do
    base=$here/$name
    if [ -f "$base.manual" ]; then
        echo "skip $name (manual: $(head -n 1 "$base.manual"))"
        skipped=$((skipped + 1))
        continue
    fi
    if [ -f "$base.args" ]; then
        echo "FAIL $name: has $name.args but no $name.manual (node cannot take wasmbox options)"
        failed=$((failed + 1))
        continue
    fi
    run_node "$name" a
    run_node "$name" b
    if ! cmp -s "$tmp/a.out" "$tmp/b.out" || ! cmp -s "$tmp/a.err" "$tmp/b.err" ||
       ! cmp -s "$tmp/a.rc" "$tmp/b.rc"; then
        echo "FAIL $name: two node runs differ (the case is not deterministic)"
        diff -u "$tmp/a.out" "$tmp/b.out" | head -n 20 | sed 's/^/  /'
        failed=$((failed + 1))
        continue
    fi
    rc=$(cat "$tmp/a.rc")
    if [ "$mode" = record ]; then
        cp "$tmp/a.out" "$base.out"
        if [ -s "$tmp/a.err" ]; then cp "$tmp/a.err" "$base.err"; else rm -f "$base.err"; fi
        if [ "$rc" != 0 ]; then echo "$rc" > "$base.status"; else rm -f "$base.status"; fi
        extra=
        [ -s "$tmp/a.err" ] && extra=" +stderr"
        printf 'recorded %-36s status=%s lines=%s%s\n' "$name" "$rc" "$(wc -l < "$tmp/a.out")" "$extra"
        done_n=$((done_n + 1))
    else
        exp_out=$tmp/empty exp_err=$tmp/empty exp_rc=$tmp/zero
        [ -f "$base.out" ] && exp_out=$base.out
        [ -f "$base.err" ] && exp_err=$base.err
        [ -f "$base.status" ] && exp_rc=$base.status
        if cmp -s "$exp_out" "$tmp/a.out" && cmp -s "$exp_err" "$tmp/a.err" &&
           [ "$(tr -d ' \n' < "$exp_rc")" = "$rc" ]; then
            echo "PASS $name"
            done_n=$((done_n + 1))
        else
            echo "FAIL $name: node's result differs from the recorded one"
            diff -u -L "recorded stdout" -L "node stdout" "$exp_out" "$tmp/a.out" | head -n 20 | sed 's/^/  /'
            diff -u -L "recorded stderr" -L "node stderr" "$exp_err" "$tmp/a.err" | head -n 20 | sed 's/^/  /'
            failed=$((failed + 1))
        fi
    fi
done < "$tmp/names"

if [ "$mode" = record ]; then
    echo "$done_n recorded, $failed failed, $skipped manual"
else
    echo "$done_n passed, $failed failed, $skipped manual"
fi
[ $failed -eq 0 ]
