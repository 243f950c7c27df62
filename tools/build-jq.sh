#!/bin/sh
# build-jq.sh OUTDIR — jq 1.7.1 with oniguruma 6.9.9 (Debian jq and
# libonig, fetched by tools/fetch-source.sh) for the guest:
# OUTDIR/libwbjq.a, whose applet table wb_applets_jq the guest links with
# -u.  No upstream file is edited: jq's parser and lexer are the ones
# pregenerated in its tarball, its configuration is a hand-written header
# (guest/applets/jq/config.h, no configure run), and the sandbox's
# differences are in guest/applets/jq (port.h, glue.c, pthread.c).
# Env: WASM_SYSROOT (required), WASM_CC, WASM_LD, NM, AR.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tools/applet-lib.sh"

out=${1:?usage: build-jq.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
jq=$top/third_party/src/jq
onig=$top/third_party/src/libonig/src
glue=$top/guest/applets/jq
: "${WASM_SYSROOT:?set WASM_SYSROOT}"
case $WASM_SYSROOT in /*) ;; *) WASM_SYSROOT=$top/$WASM_SYSROOT ;; esac
[ -f "$jq/src/parser.c" ] || { echo "build-jq: $jq/src/parser.c missing: run tools/fetch-source.sh jq" >&2; exit 1; }
[ -f "$onig/regcomp.c" ] || { echo "build-jq: $onig/regcomp.c missing: run tools/fetch-source.sh libonig" >&2; exit 1; }

gen=$out/gen
rm -rf "$gen" "$out/pass1" "$out/obj"
mkdir -p "$gen/src"

# What jq's Makefile.am generates, the same way.
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$jq/src/builtin.jq" > "$gen/src/builtin.inc"
echo '#define JQ_VERSION "1.7.1"' > "$gen/src/version.h"
echo '#define JQ_CONFIG "wasmbox guest: wasm32-wasi, oniguruma 6.9.9, decNumber"' > "$gen/src/config_opts.inc"

base="--target=wasm32-wasi --sysroot=$WASM_SYSROOT -O2 -D_GNU_SOURCE"
MARK_FLAGS=$base
# -w: upstream's warnings are not ours to fix.
# _WASI_EMULATED_SIGNAL: decContext.h includes <signal.h> (only for the
# declarations; nothing calls signal or raise).
common="$base -w -std=gnu11 -D_WASI_EMULATED_SIGNAL -I$glue/include -I$gen -I$top/guest/applets -I$top/guest/rt"
jqflags="$common -I$gen/src -I$jq -I$jq/src -I$onig -include $glue/config.h -include $glue/port.h"
onigflags="$common -I$glue/onig -I$onig -include $glue/port.h"

jqsrcs="builtin.c bytecode.c compile.c execute.c jq_test.c jv.c jv_alloc.c jv_aux.c jv_dtoa.c
        jv_file.c jv_parse.c jv_print.c jv_unicode.c linker.c locfile.c util.c
        decNumber/decContext.c decNumber/decNumber.c jv_dtoa_tsd.c main.c lexer.c parser.c"
onigsrcs="regparse.c regcomp.c regexec.c regenc.c regerror.c regext.c regsyntax.c regtrav.c
          regversion.c st.c unicode.c unicode_unfold_key.c unicode_fold1_key.c
          unicode_fold2_key.c unicode_fold3_key.c ascii.c utf8.c utf16_be.c utf16_le.c
          utf32_be.c utf32_le.c"

# jq and oniguruma share no file name, so one folder of objects.
build_pass() {
    compile_all "$1" "$jqflags" $(for f in $jqsrcs; do echo "$jq/src/$f"; done) "$glue/glue.c" "$glue/pthread.c"
    compile_all "$1" "$onigflags" $(for f in $onigsrcs; do echo "$onig/$f"; done)
}

# Pass 1 with no renames, to learn which names it defines; pass 2 renamed;
# then the state region, the applet table and the archive.
build_port wb_jq "$out" "$gen" "$jq/src/*.[ch] $jq/src/decNumber/*.[ch] $onig/*.[ch]" "$glue/applet.c" libwbjq.a
echo "build-jq: $out/libwbjq.a" >&2
