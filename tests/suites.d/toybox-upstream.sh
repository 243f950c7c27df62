#!/bin/sh
# toybox-upstream.sh BUILD_DIR — toybox's own tests (tests/*.test of the
# pinned source) against our applets, as toybox runs them against a host's
# tools (TEST_HOST=1): its scripts/test.sh on the build machine's bash, with
# PATH starting with one wrapper per applet.
#
# The wrappers run the applet under node's WASI (tests/applets/wasi-run.mjs,
# build/toybox/driver.wasm) with the test directory preopened: the tests
# make their input files on the host, and the sandbox has no host mounts
# yet.  Commands the tests call that we do not build come from the host.
#
# Prints each command's pass rate.  Upstream failures do not fail make
# test (the tests also cover options we do not claim); they are counted
# as skipped.  A command passing fewer tests than its floor in
# tests/applets/toybox-floors.txt ("cmd N" lines) is a failure: that is a
# regression.  Each wrapped command starts node (slow on a loaded machine),
# so make test runs a fixed subset; TOYBOX_TESTS=all runs every test file
# of a built command, TOYBOX_TESTS="cmd ..." runs those.
set -u
H=${1:?usage: toybox-upstream.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$top/third_party/src/toybox
drv=${TOYBOX_DRIVER:-$top/build/toybox/driver.wasm}
floors=$top/tests/applets/toybox-floors.txt
if ! command -v node > /dev/null 2>&1 || [ ! -f "$drv" ] || [ ! -d "$src/tests" ] || ! command -v bash > /dev/null 2>&1; then
    echo "toybox-upstream: needs node, bash, $drv and $src"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toybox-tests.XXXXXX") || exit 1
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

run="$(command -v node) --no-warnings $top/tests/applets/wasi-run.mjs --wasm $drv"
$run help | sed -n 's/^\([^ ]\{1,\}\) .*/\1/p' > "$tmp/applets"
mkdir "$tmp/bin"
while read -r a; do
    # which: the harness finds commands with it (TEST_HOST), so it stays the host's.
    case $a in "["|:|help|which) continue ;; esac
    printf '#!/bin/sh\nexec %s %s "$@"\n' "$run" "$a" > "$tmp/bin/$a"
    chmod +x "$tmp/bin/$a"
done < "$tmp/applets"
cp -a "$src/tests" "$src/scripts" "$src/configure" "$tmp/"
mkdir -p "$tmp/generated"

# (diff is ours since the GNU-compatible rewrite: toybox's tests check toybox's own
# formats, unified by default and --line-format, which GNU's default is not.)
cmds=${TOYBOX_TESTS:-"base64 basename cksum comm cut dirname sort uniq wc"}
[ "$cmds" = all ] && cmds=$(cd "$tmp/tests" && ls *.test | sed 's/\.test$//')
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
