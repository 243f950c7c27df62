#!/bin/sh
# tests/security/run.sh BUILD_DIR — the hostile suite: JavaScript written to
# break out of or bring down the sandbox (cases/*.js), each run by runner.c
# in a forked child against BUILD_DIR/libwasmbox.a.  Prints PASS/FAIL lines
# and ends with "N passed, N failed"; exit 1 on any failure.
# JOBS (default 2) cases run at the same time.
set -u
H=${1:?usage: tests/security/run.sh BUILD_DIR (e.g. build/host)}
top=$(cd "$(dirname "$0")/../.." && pwd)
case $H in /*) ;; *) H=$PWD/$H ;; esac
cd "$top" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wasmbox-security.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
san=
case "$H" in */asan) san="-fsanitize=address,undefined" ;; esac
if ! cc -std=c11 -O1 -g -Wall -Wextra -Werror $san -Iinclude tests/security/runner.c \
        "$H/libwasmbox.a" -lpthread -lm -o "$tmp/runner" 2>"$tmp/cc.log"; then
    cat "$tmp/cc.log"
    echo "FAIL security/runner-compiles"
    echo "0 passed, 1 failed"
    exit 1
fi
# Under ASan (BUILD_DIR build/asan) LeakSanitizer would only ever check the
# runner's parent, which keeps its table of cases until it exits: each case
# runs in a child that leaves with _exit, where leak checking does not run.
# Library leaks are checked by the unit tests.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
"$tmp/runner" -j "${JOBS:-2}" tests/security/cases/*.js
