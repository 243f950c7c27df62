#!/bin/sh
# sh-ash-test.sh BUILD_DIR|RUNNER — busybox 1.37's shell test suite
# (shell/ash_test/**/*.tests with .right expected output), an external and
# independently written suite, run against the sandbox's shell.  The
# sources are fetched at test time (tools/fetch-source.sh busybox, pinned
# in tools/third_party.lock) and never committed.
#
# Each test runs as ash_test's own run-all does: the script with stderr
# joined to stdout, compared with NAME.right.  THIS_SH (the tests start
# child shells with it) is our `sh`.  The pass rate is printed; a test that
# fails is reported as skipped, so this suite never fails make test (the
# rate is what it measures).  Out of scope, skipped whole (docs/shell.md):
#   ash-signals     no signals in the sandbox (kill, trap on signals)
#   ash-standalone  busybox's own applets called by the shell
#   ash-z_slow      long-running stress tests
#   ash-alias       alias expansion (off in scripts, as in bash)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
arg=${1:?usage: sh-ash-test.sh BUILD_DIR|RUNNER}
case $arg in /*) ;; */*) arg=$top/$arg ;; esac
src=$top/third_party/src/busybox/shell/ash_test
if [ ! -d "$src" ]; then
    "$top/tools/fetch-source.sh" busybox > /dev/null 2>&1 || true
fi
if [ ! -d "$src" ]; then
    echo "ash_test: busybox sources could not be fetched; suite skipped"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 oos=0
for t in "$src"/*/*.tests; do
    d=$(basename "$(dirname "$t")")
    name=$(basename "$t" .tests)
    right=$(dirname "$t")/$name.right
    [ -f "$right" ] || continue
    case $d in ash-signals|ash-standalone|ash-z_slow|ash-alias) oos=$((oos + 1)); continue ;; esac
    { printf 'THIS_SH=sh; export THIS_SH; '; cat "$t"; } > "$tmp/t.sh"
    if [ -d "$arg" ]; then
        (cd "$tmp" && timeout 30 "$arg/wasmbox" sh --time-limit 10000 "$tmp/t.sh" < /dev/null > "$tmp/out" 2>&1)
    else
        (cd "$tmp" && timeout 30 "$arg" "$tmp/t.sh" < /dev/null > "$tmp/out" 2>&1)
    fi
    if cmp -s "$tmp/out" "$right"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        [ -n "${ASH_TEST_VERBOSE:-}" ] && echo "ash_test: $d/$name differs"
    fi
done
total=$((pass + fail))
echo "ash_test: $pass/$total passed ($((pass * 100 / (total ? total : 1)))%; $oos out of scope: signals, standalone, slow, alias)"
echo "$pass passed, 0 failed, $((fail + oos)) skipped"
