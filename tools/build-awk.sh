#!/bin/sh
# build-awk.sh OUTDIR — the one true awk (Debian original-awk, fetched by
# tools/fetch-source.sh into third_party/src/original-awk) for the guest:
# OUTDIR/libwbawk.a, whose applet table wb_applets_awk the guest links with
# -u.  No upstream file is edited: the grammar goes through byacc,
# proctab.c comes from upstream's own maketab (built for the build host),
# and the sandbox's differences are in guest/applets/awk (see port.h,
# glue.c, include/).  Env: WASM_SYSROOT (required), WASM_CC, WASM_LD, NM, AR.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tools/applet-lib.sh"

out=${1:?usage: build-awk.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=$top/third_party/src/original-awk
glue=$top/guest/applets/awk
: "${WASM_SYSROOT:?set WASM_SYSROOT}"
case $WASM_SYSROOT in /*) ;; *) WASM_SYSROOT=$top/$WASM_SYSROOT ;; esac
[ -f "$src/awkgram.y" ] || { echo "build-awk: $src/awkgram.y missing: run tools/fetch-source.sh original-awk" >&2; exit 1; }

gen=$out/gen
rm -rf "$gen" "$out/pass1" "$out/obj"
mkdir -p "$gen"

# The grammar: byacc (public domain) rather than bison.
(cd "$gen" && byacc -d -b awkgram "$src/awkgram.y")
# proctab.c: the table of the interpreter's functions, made by upstream's maketab.
gcc -O1 -w -I"$gen" -I"$src" -o "$gen/maketab" "$src/maketab.c"
"$gen/maketab" "$gen/awkgram.tab.h" > "$gen/proctab.c"

base="--target=wasm32-wasi --sysroot=$WASM_SYSROOT -O2 -D_GNU_SOURCE"
MARK_FLAGS=$base
# -w: upstream's warnings are not ours to fix.  _WASI_EMULATED_SIGNAL only
# for the declarations in <signal.h>: signal() itself is ours (glue.c).
flags="$base -w -std=gnu11 -D_WASI_EMULATED_SIGNAL -DHAS_ISBLANK -I$glue/include -I$gen -I$src
       -I$top/guest/applets -I$top/guest/rt -include $glue/port.h"
srcs="$src/b.c $src/main.c $src/parse.c $gen/proctab.c $src/tran.c $src/lib.c $src/lex.c
      $gen/awkgram.tab.c $glue/glue.c"

build_pass() {
    compile_all "$1" "$flags" $srcs
    # program() is ours (glue.c): upstream's is kept under another name.
    compile_all "$1" "$flags -Dprogram=wb_awk_upstream_program" "$src/run.c"
}

# Pass 1 with no renames, to learn which names it defines; pass 2 renamed;
# then the state region, the applet table and the archive.
build_port wb_awk "$out" "$gen" "$src/*.[chy]" "$glue/applet.c" libwbawk.a
echo "build-awk: $out/libwbawk.a" >&2
