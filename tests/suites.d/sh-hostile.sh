#!/bin/sh
# sh-hostile.sh BUILD_DIR|RUNNER — hostile shell input (tests/cases/sh-hostile):
# recursion bombs, 10,000 nested parentheses, unterminated quotes, 1 MB
# lines, endless writers.  Each must end with a clear error or result,
# never a trap of the host or a hang.
#
# A case NAME.sh passes when, run as `wasmbox sh --time-limit 10000
# NAME.sh`: stdout starts with NAME.expect, stderr contains the line in
# NAME.stderr (empty file: stderr must be empty), and the exit status is
# NAME.code (default: neither 3 nor 4, i.e. no limit stop and no sandbox
# failure; a host crash gives >= 128).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/tests/cases/sh-hostile
arg=${1:?usage: sh-hostile.sh BUILD_DIR|RUNNER}
case $arg in /*) ;; */*) arg=$top/$arg ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for c in "$dir"/*.sh; do
    name=$(basename "$c" .sh)
    if [ -d "$arg" ]; then
        (cd "$tmp" && timeout 60 "$arg/wasmbox" sh --time-limit 10000 "$c" < /dev/null > "$tmp/out" 2> "$tmp/err")
    else
        (cd "$tmp" && timeout 60 "$arg" "$c" < /dev/null > "$tmp/out" 2> "$tmp/err")
    fi
    st=$?
    why=
    want=$(cat "$dir/$name.expect")
    got=$(head -c "${#want}" "$tmp/out")
    [ "$got" = "$want" ] || why="stdout starts with '$(head -c 80 "$tmp/out")', want '$want'"
    pat=$(cat "$dir/$name.stderr")
    if [ -z "$pat" ]; then
        [ -s "$tmp/err" ] && why="$why; unexpected stderr: $(head -c 200 "$tmp/err")"
    else
        grep -qF -- "$pat" "$tmp/err" || why="$why; stderr lacks '$pat': $(head -c 200 "$tmp/err")"
    fi
    if [ -f "$dir/$name.code" ]; then
        [ "$st" = "$(cat "$dir/$name.code")" ] || why="$why; exit status $st, want $(cat "$dir/$name.code")"
    elif [ "$st" = 3 ] || [ "$st" = 4 ] || [ "$st" -ge 124 ]; then
        [ "$st" = 141 ] || why="$why; exit status $st (a limit, the sandbox failed, or a crash)"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL sh-hostile/$name: $why"
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
