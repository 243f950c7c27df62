#!/bin/sh
# record-awk-jq.sh — (re)records the expected output of the awk-*.sh and
# jq-*.sh cases in this folder from the reference tools on this machine:
#   awk: GNU awk in POSIX mode (gawk --posix), installed here only for
#        recording; every case is also run with mawk, and a case where the
#        two disagree is reported (it tests something POSIX leaves open and
#        should be rewritten).
#   jq:  jq 1.7.1 with oniguruma 6.9.9 built natively by
#        tools/build-jq-native.sh from the same Debian sources (Debian 12's
#        own jq is 1.6, trixie's 1.7.1 binary needs glibc 2.38).  Cases where
#        Debian 12's jq 1.6 answers differently are listed for information.
# A case runs under /bin/sh in an empty temporary folder with the reference
# awk or jq first on PATH.  Writes NAME.out (stdout) and NAME.status (when
# not 0).  Usage: tests/cases/applets/record-awk-jq.sh [CASE.sh...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
"$top/tools/install-deps.sh" gawk mawk jq gcc
ref=$top/build/ref
[ -x "$ref/jq" ] || "$top/tools/build-jq-native.sh" "$ref"
"$ref/jq" --version | grep -qx 'jq-1.7.1' || { echo "record: $ref/jq is not jq 1.7.1" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gawk" "$tmp/mawk" "$tmp/jq" "$tmp/jq16"
printf '#!/bin/sh\nexec gawk --posix "$@"\n' > "$tmp/gawk/awk"
printf '#!/bin/sh\nexec mawk "$@"\n' > "$tmp/mawk/awk"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$ref/jq" > "$tmp/jq/jq"
printf '#!/bin/sh\nexec /usr/bin/jq "$@"\n' > "$tmp/jq16/jq"
chmod +x "$tmp"/*/awk "$tmp"/jq/jq "$tmp"/jq16/jq

run() { # run PATHDIR CASE OUTFILE -> status
    rm -rf "$tmp/work" && mkdir "$tmp/work"
    (cd "$tmp/work" && PATH="$1:$PATH" TZ=UTC LC_ALL=C sh "$2" > "$3" 2> /dev/null < /dev/null) && return 0 || return $?
}

[ $# -gt 0 ] || set -- "$here"/awk-*.sh "$here"/jq-*.sh
n=0
for c in "$@"; do
    case $c in /*) ;; *) c=$PWD/$c ;; esac
    name=${c%.sh}
    case $(basename "$c") in
        awk-*) refdir=$tmp/gawk altdir=$tmp/mawk alt=mawk ;;
        jq-*) refdir=$tmp/jq altdir=$tmp/jq16 alt="jq 1.6" ;;
        *) continue ;;
    esac
    st=0; run "$refdir" "$c" "$name.out" || st=$?
    if [ "$st" -ne 0 ]; then echo "$st" > "$name.status"; else rm -f "$name.status"; fi
    ast=0; run "$altdir" "$c" "$tmp/alt.out" || ast=$?
    if ! cmp -s "$name.out" "$tmp/alt.out" || [ "$st" != "$ast" ]; then
        echo "record: $(basename "$c"): $alt differs (status $ast vs $st)"
    fi
    n=$((n + 1))
done
echo "record: $n cases recorded"
