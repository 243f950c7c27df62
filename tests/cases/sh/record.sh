#!/bin/bash
# record.sh [NAME...] — record the expected results of the shell golden
# cases (NAME.sh) from bash 5 on this machine: NAME.out (stdout), NAME.err
# (stderr, only when not empty) and NAME.status (only when not 0).
#
# Each case runs as `bash --norc --noprofile main.sh < /dev/null` in a fresh
# empty directory, with `env -i` plus HOME (another empty directory),
# LC_ALL=C, TZ=UTC and PATH=/usr/bin:/bin.  bash names the script in its
# messages ("main.sh: line 3: foo: command not found"); the sandbox's shell
# says "bash: line 3: ...", so that prefix is rewritten (a difference on
# purpose, docs/shell.md).  A case may carry NAME.sed: a sed script applied
# to the expected AND the actual stdout before comparison (for output that
# differs on purpose, e.g. a process id).
#
# A case's first lines may hold directives as comments:
#   # needs: grep sort    applets the case runs (skipped when absent)
#   # files               the case touches the filesystem
# Re-record after editing a case: ./record.sh NAME (or all with no NAME).
set -u
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here" || exit 1
if [ $# -eq 0 ]; then
    set -- *.sh
fi
n=0
for c in "$@"; do
    name=${c%.sh}
    name=${name##*/}
    [ "$name" = record ] && continue
    [ -f "$name.sh" ] || { echo "record.sh: no case $name.sh" >&2; exit 2; }
    run=$(mktemp -d) home=$(mktemp -d) cap=$(mktemp -d)
    cp "$name.sh" "$run/main.sh"
    (cd "$run" && env -i PATH=/usr/bin:/bin HOME="$home" LC_ALL=C TZ=UTC \
        timeout 20 bash --norc --noprofile main.sh < /dev/null > "$cap/out" 2> "$cap/err")
    st=$?
    sed -e 's/^main\.sh: /bash: /' "$cap/err" > "$cap/err2"
    cp "$cap/out" "$name.out"
    if [ -s "$cap/err2" ]; then cp "$cap/err2" "$name.err"; else rm -f "$name.err"; fi
    if [ $st -ne 0 ]; then echo $st > "$name.status"; else rm -f "$name.status"; fi
    rm -rf "$run" "$home" "$cap"
    n=$((n + 1))
done
echo "recorded $n cases with $(bash --version | head -n 1)"
