#!/bin/sh
# rt-stress.sh BUILD_DIR — the applet runtime under load (guest/rt): each
# tests/stress/NAME.sh runs once in one sandbox (about 10,000 applet
# commands: nested xargs and find -exec, pipes, sed -i, process
# substitution) and must print NAME.out, recorded from bash by
# tests/stress/record.sh.  The scripts check themselves that the
# sandbox's memory stays flat after a warm-up; a trap or a limit stop
# shows as a failed run.  STRESS_ROUNDS overrides the scripts' round count
# (the output then differs: for debugging only).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
arg=${1:?usage: rt-stress.sh BUILD_DIR}
case $arg in /*) ;; */*) arg=$top/$arg ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for c in "$top"/tests/stress/*.sh; do
    name=$(basename "$c" .sh)
    [ "$name" = record ] && continue
    rm -rf "$tmp/run" && mkdir -p "$tmp/run"
    start=$(date +%s)
    (cd "$tmp/run" && timeout 600 "$arg/wasmbox" sh --time-limit 500000 "$c" ${STRESS_ROUNDS:-} \
        < /dev/null > "$tmp/out" 2> "$tmp/err")
    st=$?
    secs=$(( $(date +%s) - start ))
    if [ $st -eq 0 ] && [ ! -s "$tmp/err" ] && cmp -s "$tmp/out" "$top/tests/stress/$name.out"; then
        pass=$((pass + 1))
        echo "PASS stress/$name (${secs}s)"
    else
        fail=$((fail + 1))
        echo "FAIL stress/$name: exit status $st after ${secs}s; stderr: $(head -c 300 "$tmp/err")"
        diff "$top/tests/stress/$name.out" "$tmp/out" | head -n 20
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
