#!/bin/sh
# mount-tools.sh BUILD_DIR — the recursive commands (find, ls -R, du, grep
# -r, cp -r, rm -r, chmod -R, tar) on a host folder mounted into the
# sandbox, compared with the same script run by bash and the GNU tools on
# an identical copy of the folder.  They walk with directory fds
# (openat(dirfd, ...)), which on a mount are host directories.
set -u
W=${1:?usage: mount-tools.sh BUILD_DIR}/wasmbox
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mount-tools.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
mk() {
    mkdir -p "$1/src/lib/deep" "$1/docs"
    printf 'alpha\nTODO one\n' > "$1/src/main.c"
    printf 'beta\n' > "$1/src/lib/util.c"
    printf 'TODO two\n' > "$1/src/lib/deep/x.h"
    printf '# readme\n' > "$1/docs/README.md"
    chmod 644 "$1/src/main.c" "$1/src/lib/util.c" "$1/src/lib/deep/x.h" "$1/docs/README.md"
    chmod 755 "$1/src" "$1/src/lib" "$1/src/lib/deep" "$1/docs"
}
# Each case: a script run in the folder's parent, on folder "m".
run_case() { # NAME SCRIPT
    rm -rf "$tmp/native" "$tmp/box"
    mkdir -p "$tmp/native" "$tmp/box"
    mk "$tmp/native/m"
    mk "$tmp/box/m"
    exp=$(cd "$tmp/native" && umask 022 && LC_ALL=C bash -c "$2" 2>&1; echo "rc=$?")
    act=$("$W" sh --mount "$tmp/box/m:/w/m:rw" -c "cd /w && $2" 2>&1; echo "rc=$?")
    if [ "$exp" = "$act" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1))
        printf 'FAIL mount-tools/%s\n' "$1"
        printf '%s\n' "$exp" > "$tmp/exp"; printf '%s\n' "$act" > "$tmp/act"
        diff "$tmp/exp" "$tmp/act" | head -20 | sed 's/^/  /'
    fi
}
run_case find 'find m | sort; find m -name "*.c" | sort; find m -type d | sort'
run_case ls-R 'cd m && ls -R src'
run_case du 'du -a m | sort -k2 | cut -f2'
run_case grep-r 'grep -rn TODO m | sort; grep -rl beta m'
run_case cp-r 'cp -r m/src m/copy && find m/copy | sort && cat m/copy/lib/deep/x.h'
run_case rm-r 'rm -r m/src && find m | sort'
run_case rm-rf-mount-root-contents 'rm -rf m/* && ls -A m'
run_case chmod-R 'chmod -R go-rwx m/src && find m/src | sort | while read -r p; do stat -c "%a %n" "$p"; done'
run_case mv-dir 'mv m/src/lib m/lib2 && find m | sort'
run_case tar 'cd m && tar cf a.tar src && tar tf a.tar | sort && mkdir x && cd x && tar xf ../a.tar && find . | sort'
run_case dotdot-confined 'cd m/src && cat ../docs/README.md && ls ../../ | head -1'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
