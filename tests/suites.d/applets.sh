#!/bin/sh
# applets.sh BUILD_DIR [NAME...] — the applet golden cases (tests/cases/applets/*.sh,
# expected output recorded from the GNU tools by record.sh there).
#
# Two ways to run them, chosen once:
# - sandbox: when `wasmbox sh -c true` works (the shell is built in), each
#   case runs as `wasmbox sh -c "$(cat NAME.sh)"`.
# - wasi: otherwise, when node and build/toybox/driver.wasm are there, each
#   case runs with the host's bash and PATH holding one wrapper per
#   applet that runs it under node's WASI (tests/applets/wasi-run.mjs).
#   Shell builtins (echo, printf, test, true, false) are the host shell's
#   there, and cases that need the sandbox's shell to run nested commands
#   (xargs, find -exec, env CMD) or absolute paths are skipped.
# APPLETS_MODE=sandbox|wasi forces one.  A case passes when stdout (through
# NAME.sed if present) equals NAME.out and the status equals NAME.status
# (0 if absent).  A case whose applet is not built, or with NAME.skip
# (one line: why), is skipped.  Ends with "N passed, N failed, N skipped".
set -u
H=${1:?usage: applets.sh BUILD_DIR [NAME...]}
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
cases=$top/tests/cases/applets
H=$(cd "$H" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/applets.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
passed=0 failed=0 skipped=0
bash=$(command -v bash) || { echo "applets: needs bash" >&2; exit 2; }
tmo=$(command -v timeout) || { echo "applets: needs timeout(1)" >&2; exit 2; }

mode=${APPLETS_MODE:-}
if [ -z "$mode" ]; then
    if [ -x "$H/wasmbox" ] && "$H/wasmbox" sh -c true > /dev/null 2>&1; then mode=sandbox
    elif command -v node > /dev/null 2>&1 && [ -f "$top/build/toybox/driver.wasm" ]; then mode=wasi
    else
        n=$(ls "$cases"/*.sh | grep -vc '/record\.sh$')
        echo "applets: no shell in wasmbox and no node/driver.wasm: all $n cases skipped"
        echo "0 passed, 0 failed, $n skipped"
        exit 0
    fi
fi

# The applets there are, one name a line.
case $mode in
sandbox)
    # The commands the cases are named after that the sandbox's shell finds
    # (an applet or a builtin).
    names=$(ls "$cases" | sed -n 's/^\([a-z0-9]*\)-.*\.sh$/\1/p' | sort -u | tr '\n' ' ')
    "$H/wasmbox" sh -c "for c in $names; do command -v \$c > /dev/null && echo \$c; done" \
        > "$tmp/applets" 2> /dev/null ;;
wasi)
    run="$(command -v node) --no-warnings $top/tests/applets/wasi-run.mjs --wasm $top/build/toybox/driver.wasm"
    $run help | sed -n 's/^\([^ ]\{1,\}\) .*/\1/p' > "$tmp/applets"
    mkdir "$tmp/bin"
    while read -r a; do
        [ "$a" = "[" ] && continue
        printf '#!/bin/sh\nexec %s %s "$@"\n' "$run" "$a" > "$tmp/bin/$a"
        chmod +x "$tmp/bin/$a"
    done < "$tmp/applets" ;;
*) echo "applets: APPLETS_MODE must be sandbox or wasi, not '$mode'" >&2; exit 2 ;;
esac
echo "applets: mode $mode, $(wc -l < "$tmp/applets") applets"

[ $# -gt 0 ] || set -- "$cases"/*.sh
for f in "$@"; do
    f=$cases/$(basename "$f" .sh).sh
    name=$(basename "$f" .sh)
    [ "$name" = record ] && continue
    cmd=${name%%-*}
    if [ -f "$cases/$name.skip" ]; then
        echo "SKIP applets/$name: $(head -n 1 "$cases/$name.skip")"; skipped=$((skipped + 1)); continue
    fi
    if [ "$cmd" != pipeline ] && ! grep -qx -- "$cmd" "$tmp/applets"; then
        skipped=$((skipped + 1)); continue
    fi
    rm -rf "$tmp/w" && mkdir "$tmp/w"
    if [ $mode = sandbox ]; then
        (cd "$tmp/w" && "$tmo" 30 "$H/wasmbox" sh -c "$(cat "$f")" < /dev/null > "$tmp/out" 2> "$tmp/err")
        rc=$?
    else
        # What node's WASI or the driver cannot do: run a nested command
        # (xargs, find -exec, env CMD, timeout), absolute paths (realpath),
        # list a directory (ls: node answers ENOSYS), dup an fd (cmp, tar, xxd -r).
        if grep -q -e xargs -e '-exec' -e 'env [A-Z-]' -e realpath -e 'readlink -f' \
                -e '\bls\b' -e '\bcmp\b' -e timeout -e '\btar\b' -e 'xxd -r' "$f"; then
            skipped=$((skipped + 1)); continue
        fi
        (cd "$tmp/w" && LC_ALL=C.UTF-8 TZ=UTC PATH="$tmp/bin" "$tmo" 60 "$bash" "$f" \
            < /dev/null > "$tmp/out" 2> "$tmp/err")
        rc=$?
    fi
    if [ -f "$cases/$name.sed" ]; then sed -f "$cases/$name.sed" "$tmp/out" > "$tmp/out2"; mv "$tmp/out2" "$tmp/out"; fi
    want=0
    [ -f "$cases/$name.status" ] && want=$(cat "$cases/$name.status")
    if cmp -s "$tmp/out" "$cases/$name.out" && [ "$rc" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL applets/$name (status $rc, want $want)"
        diff "$cases/$name.out" "$tmp/out" | head -n 8 | sed 's/^/  /'
        head -n 3 "$tmp/err" | sed 's/^/  stderr: /'
    fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
