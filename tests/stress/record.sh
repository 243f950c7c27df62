#!/bin/bash
# record.sh — record the expected output of the stress scripts here
# (NAME.sh -> NAME.out) from bash and the host's GNU tools, in a fresh
# directory with LC_ALL=C, as tests/suites.d/rt-stress.sh compares them.
set -eu
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for c in "$here"/*.sh; do
    [ "$(basename "$c")" = record.sh ] && continue
    run=$(mktemp -d)
    (cd "$run" && env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC bash --norc --noprofile "$c" < /dev/null) \
        > "${c%.sh}.out"
    rm -rf "$run"
    echo "recorded $(basename "${c%.sh}").out"
done
