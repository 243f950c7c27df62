#!/bin/sh
# applets-awk-jq.sh BUILD_DIR — awk and jq in the sandbox:
# - the golden cases tests/cases/applets/{awk,jq}-*.sh (expected stdout in
#   NAME.out, exit status in NAME.status when not 0, recorded from gawk
#   --posix and jq 1.7.1 by tests/cases/applets/record-awk-jq.sh);
# - 1,000 runs of one awk and one jq command in one sandbox, the same
#   output each time (per-run state is reset, nothing leaks into the next);
# Each case runs as `wasmbox sh -c SCRIPT` (tests/applets/sandbox.sh); the
# cases of an applet the build lacks, or all when the build has no shell,
# and those marked "# needs: a writable current folder" when the sandbox
# cannot write files, are counted as skipped.
set -u
H=${1:?usage: applets-awk-jq.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/applets/sandbox.sh"
sbx_init "$H"
cases=$top/tests/cases/applets
passed=0 failed=0 skipped=0

for c in "$cases"/awk-*.sh "$cases"/jq-*.sh; do
    name=$(basename "$c" .sh)
    case $name in awk-*) have=$HAVE_AWK ;; *) have=$HAVE_JQ ;; esac
    # Cases that write files need a writable folder in the sandbox.
    grep -q '^# needs: a writable current folder' "$c" && [ "$HAVE_FILES" != 1 ] && have=0
    if [ "$have" != 1 ]; then skipped=$((skipped + 1)); continue; fi
    st=0
    sbx_sh "$(cat "$c")" > "$SBX_TMP/out" 2> "$SBX_TMP/err" < /dev/null || st=$?
    want=0
    [ -f "$cases/$name.status" ] && want=$(cat "$cases/$name.status")
    if cmp -s "$SBX_TMP/out" "$cases/$name.out" && [ "$st" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL applets/$name (status $st, expected $want)"
        diff "$cases/$name.out" "$SBX_TMP/out" | head -10
        head -5 "$SBX_TMP/err"
    fi
done

# repeat CMD N EXPECTED-LINE: N copies of CMD in one script, one sandbox.
repeat() {
    i=0 script=
    while [ $i -lt "$2" ]; do script="$script$1
"; i=$((i + 1)); done
    out=$(sbx_sh "$script" < /dev/null 2>&1 | sort | uniq -c | sed 's/^ *//')
    if [ "$out" = "$2 $3" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL applets/repeat: $2 x $1 gave:"
        echo "$out" | head -5
    fi
}
# WB_APPLET_REPEAT: fewer runs for the slow driver (sandbox.sh).
n_repeat=${WB_APPLET_REPEAT:-1000}
if [ "$HAVE_AWK" = 1 ]; then
    repeat "echo 'k v' | awk '{ n++; a[\$2]++; x = x \$1; s = s \"<\" \$0 \">\" } /v\$/ { sub(/k/, \"K\") } END { print n, a[\"v\"], x, s, \$0, NR }'" "$n_repeat" "1 1 k <k v> K v 1"
else
    skipped=$((skipped + 1))
fi
if [ "$HAVE_JQ" = 1 ]; then
    repeat "echo '{\"a\":[1,2,3],\"s\":\"x1y22\"}' | jq -c '[(.a | add), (.s | [scan(\"[0-9]+\")]), (.s | test(\"Y\"; \"i\")), \$__loc__.line]'" "$n_repeat" "[6,[\"1\",\"22\"],true,1]"
else
    skipped=$((skipped + 1))
fi

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
