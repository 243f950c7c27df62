#!/bin/sh
# sh-golden.sh BUILD_DIR|RUNNER [CASE...] — the shell's golden cases
# (tests/cases/sh/*.sh, expected results recorded from bash by
# tests/cases/sh/record.sh) run against the sandbox: BUILD_DIR/wasmbox sh.
# A RUNNER that is not a directory is a command run as `RUNNER main.sh`
# (e.g. build/native/wbsh, or bash to check the recording).
#
# Each case runs in a fresh empty directory with stdin from /dev/null and
# passes when stdout, stderr and the exit status all match.  Cases whose
# "# needs:" applets are missing from the build, or marked "# files" when
# the sandbox has no writable filesystem, are skipped (counted).
# Output: FAIL lines with a short diff, then "N passed, N failed, N skipped".
set -u
unset CDPATH
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/tests/cases/sh
arg=${1:?usage: sh-golden.sh BUILD_DIR|RUNNER [CASE...]}
shift
case $arg in /*) ;; */*) arg=$top/$arg ;; esac
if [ -d "$arg" ]; then
    # The case's folder is the sandbox's /workspace, as the recording ran
    # bash in it (globs see main.sh).
    run() { "$arg/wasmbox" sh --time-limit 20000 --workspace "$PWD" "$@"; }
else
    run() { "$arg" "$@"; }
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
have_cache=" "
missing_cache=" "
have() { # applet or builtin present?
    case $have_cache in *" $1 "*) return 0 ;; esac
    case $missing_cache in *" $1 "*) return 1 ;; esac
    t=$(cd "$tmp" && run -c "type -t $1" 2>/dev/null)
    if [ "$t" = file ] || [ "$t" = builtin ]; then have_cache="$have_cache$1 "; return 0; fi
    missing_cache="$missing_cache$1 "
    return 1
}
mkdir -p "$tmp/probe"
if (cd "$tmp/probe" && run -c ': > f && [ -f f ]' >/dev/null 2>&1); then files=1; else files=0; fi

pass=0 fail=0 skip=0
if [ $# -eq 0 ]; then set -- "$dir"/*.sh; fi
for c in "$@"; do
    name=$(basename "$c" .sh)
    [ "$name" = record ] && continue
    case=$dir/$name.sh
    need=$(sed -n 's/^# needs: *//p' "$case" | head -n 1)
    why=
    for a in $need; do have "$a" || why="needs $a"; done
    if [ -z "$why" ] && [ $files = 0 ] && grep -q '^# files' "$case"; then why="needs the filesystem"; fi
    # A known difference not fixed yet: NAME.known says why (docs/shell.md).
    [ -z "$why" ] && [ -f "$dir/$name.known" ] && why="known: $(head -n 1 "$dir/$name.known")"
    if [ -n "$why" ]; then
        case $why in known:*) echo "SKIP sh/$name: $why" ;; esac
        skip=$((skip + 1))
        continue
    fi
    rd=$tmp/run.$name
    mkdir -p "$rd"
    cp "$case" "$rd/main.sh"
    (cd "$rd" && run main.sh < /dev/null > "$tmp/out" 2> "$tmp/err")
    st=$?
    rm -rf "$rd"
    exp_st=0
    [ -f "$dir/$name.status" ] && exp_st=$(cat "$dir/$name.status")
    exp_out=$dir/$name.out exp_err=$dir/$name.err
    [ -f "$exp_err" ] || exp_err=/dev/null
    if [ -f "$dir/$name.sed" ]; then
        sed -f "$dir/$name.sed" "$exp_out" > "$tmp/eout"; exp_out=$tmp/eout
        sed -f "$dir/$name.sed" "$tmp/out" > "$tmp/out2"; mv "$tmp/out2" "$tmp/out"
    fi
    if cmp -s "$tmp/out" "$exp_out" && cmp -s "$tmp/err" "$exp_err" && [ "$st" = "$exp_st" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL sh/$name (status $st, expected $exp_st)"
        diff -u "$exp_out" "$tmp/out" | sed -n '3,12p'
        diff -u "$exp_err" "$tmp/err" | sed -n '3,8p'
    fi
done
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
