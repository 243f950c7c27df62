#!/bin/sh
# record.sh [CASE...] — records the expected output of the applet golden
# cases from the GNU tools of this machine (coreutils, grep, sed, findutils,
# diffutils, tar, gzip, ...).
#
# A case is NAME.sh, a shell script.  It runs with bash (the sandbox's
# shell is bash-compatible; echo -e and the like are its builtins) in a fresh
# empty directory, stdin from /dev/null, LC_ALL=C.UTF-8 (the sandbox's applets work in UTF-8), TZ=UTC; its stdout goes
# to NAME.out and a non-zero exit status to NAME.status.  stderr is not
# recorded: GNU's and toybox's messages differ in wording, and the cases
# print "rc=$?" where the status matters.  NAME.sed (if any) is applied to
# stdout here too, so a normaliser works on both sides.
# Run from anywhere; with no arguments, re-records every case.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 1
[ $# -gt 0 ] || set -- *.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/applets-record.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
for f in "$@"; do
    name=$(basename "$f" .sh)
    [ "$name" = record ] && continue
    rm -rf "$tmp/w" && mkdir "$tmp/w"
    (cd "$tmp/w" && LC_ALL=C.UTF-8 TZ=UTC PATH=/usr/local/bin:/usr/bin:/bin timeout 20 bash "$here/$name.sh" \
        < /dev/null > "$tmp/out" 2> /dev/null)
    rc=$?
    if [ -f "$name.sed" ]; then sed -f "$name.sed" "$tmp/out" > "$name.out"; else cp "$tmp/out" "$name.out"; fi
    if [ $rc -ne 0 ]; then echo $rc > "$name.status"; else rm -f "$name.status"; fi
    n=$((n + 1))
done
echo "record.sh: recorded $n cases" >&2
