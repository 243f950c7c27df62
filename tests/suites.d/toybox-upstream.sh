#!/bin/sh
# toybox-upstream.sh BUILD_DIR — toybox's own tests (tests/*.test of the
# pinned source) against our applets in the sandbox, as toybox runs them
# against a host's tools (TEST_HOST=1): its scripts/test.sh on the build
# machine's bash, with PATH starting with one wrapper per applet.
#
# Each wrapper runs its applet through BUILD_DIR/wasmbox sh, with the test
# folder mounted read-write at its own path (the tests make their input
# files on the host and name them by absolute paths too) and the wrapper's
# stdin, arguments and exit status passed through.  Commands the tests
# call that we do not build come from the host.
#
# Prints each command's pass rate.  Upstream failures do not fail make
# test (the tests also cover options we do not claim); they are counted
# as skipped.  A command passing fewer tests than its floor in
# tests/applets/toybox-floors.txt ("cmd N" lines) is a failure: that is a
# regression.  By default every test file of a built command runs;
# TOYBOX_TESTS="cmd ..." runs those commands' files only.
set -u
H=${1:?usage: toybox-upstream.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$top/third_party/src/toybox
W=$(cd "$H" && pwd)/wasmbox
floors=$top/tests/applets/toybox-floors.txt
if [ ! -x "$W" ] || [ ! -d "$src/tests" ] || ! command -v bash > /dev/null 2>&1; then
    echo "toybox-upstream: needs bash, $W and $src"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toybox-tests.XXXXXX") || exit 1
tmp=$(cd "$tmp" && pwd -P)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# The applets: help's lines after its "Commands" header, "NAME usage".
"$W" sh -c help | sed -n '/^Commands/,$s/^\([^ ]\{1,\}\) .*/\1/p' | grep -v '^Commands$' > "$tmp/applets"
mkdir "$tmp/bin"
while read -r a; do
    # which: the harness finds commands with it (TEST_HOST), so it stays the host's.
    case $a in "["|:|help|which|tool) continue ;; esac
    {
        echo '#!/bin/sh'
        printf 'exec "%s" sh --max-output 64M --time-limit 60000 --mount "%s:%s:rw" \\\n' "$W" "$tmp" "$tmp"
        printf '    -c %s wrapper "$PWD" %s "$@"\n' "'cd -- \"\$1\" || exit 125; shift; \"\$@\"'" "$a"
    } > "$tmp/bin/$a"
    chmod +x "$tmp/bin/$a"
done < "$tmp/applets"
cp -a "$src/tests" "$src/scripts" "$src/configure" "$tmp/"
mkdir -p "$tmp/generated"

# Every built command's test file but diff's: our diff is GNU's (normal
# format by default), toybox's tests check toybox's own formats.
cmds=${TOYBOX_TESTS:-all}
[ "$cmds" = all ] && cmds=$(cd "$tmp/tests" && ls *.test | sed 's/\.test$//' | grep -vx diff)
passed=0 failed=0 skipped=0
tmo=$(command -v timeout)
for c in $cmds; do
    [ -f "$tmp/tests/$c.test" ] || continue
    grep -qx -- "$c" "$tmp/applets" || continue
    (cd "$tmp" && PATH="$tmp/bin:$PATH" TEST_HOST=1 VERBOSE=all "$tmo" 300 bash scripts/test.sh "$c" \
        > "$tmp/$c.log" 2>&1)
    # VERBOSE=all: go on after a failure (and show its diff in the log).
    p=$(grep -c '^PASS' "$tmp/$c.log")
    f=$(grep -c '^FAIL' "$tmp/$c.log")
    s=$(grep -c '^SKIP' "$tmp/$c.log")
    floor=$( [ -f "$floors" ] && awk -v c="$c" '$1 == c { print $2 }' "$floors")
    echo "toybox/$c: $p of $((p + f)) passed${s:+ ($s skipped upstream)}${floor:+, floor $floor}"
    if [ -n "$floor" ] && [ "$p" -lt "$floor" ]; then
        echo "FAIL toybox/$c: $p passed, fewer than the floor $floor"
        grep '^FAIL' "$tmp/$c.log" | head -n 5 | sed 's/^/  /'
        failed=$((failed + 1))
    fi
    passed=$((passed + p)); skipped=$((skipped + f))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
