#!/bin/sh
# rt-arena-check.sh BUILD_DIR — every shell and applet golden case
# (tests/cases/sh, tests/cases/applets) and a short stress run, with the
# applet arenas' check on (WASMBOX_ARENA_CHECK=1, guest/rt/arena_check.c):
# memory an ended applet owned is poisoned and held back, and a later
# write, free or realloc of it is reported.  A case fails when the check
# reports, or the guest traps; its output is not compared (sh-golden.sh
# and applets.sh do that), so the export put in front of line 1 (line
# numbers stay) does not matter.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
arg=${1:?usage: rt-arena-check.sh BUILD_DIR}
case $arg in /*) ;; */*) arg=$top/$arg ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # NAME SCRIPT [ARG...]
    name=$1
    shift
    rm -rf "$tmp/run" && mkdir -p "$tmp/run"
    sed '1s/^/export WASMBOX_ARENA_CHECK=1; /' "$1" > "$tmp/run/main.sh"
    shift
    (cd "$tmp/run" && timeout 120 "$arg/wasmbox" sh --time-limit 60000 --workspace "$tmp/run" main.sh "$@" \
        < /dev/null > /dev/null 2> "$tmp/err")
    if grep -q -e 'wasmbox arena check' -e 'guest trap' "$tmp/err"; then
        fail=$((fail + 1))
        echo "FAIL $name: $(grep -m 2 -e 'wasmbox arena check' -e 'guest trap' "$tmp/err")"
    else
        pass=$((pass + 1))
    fi
}
for c in "$top"/tests/cases/sh/*.sh "$top"/tests/cases/applets/*.sh; do
    case $c in */record.sh) continue ;; esac
    check "$(basename "$(dirname "$c")")/$(basename "$c" .sh)" "$c"
done
check stress/applets-10k "$top/tests/stress/applets-10k.sh" 60
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
