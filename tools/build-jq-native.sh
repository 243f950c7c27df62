#!/bin/sh
# build-jq-native.sh OUTDIR — jq 1.7.1 with oniguruma 6.9.9 built for the
# build host with gcc from the same Debian sources as the guest's jq:
# OUTDIR/jq.  The reference for recording golden outputs (Debian 12 has
# jq 1.6, and trixie's 1.7.1 binary needs a newer glibc) and the baseline
# of make bench.  Upstream code as is: real pthreads, glibc's libm, no
# sandbox glue.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-jq-native.sh OUTDIR}
mkdir -p "$out/gen/src"
out=$(cd "$out" && pwd)
jq=$top/third_party/src/jq
onig=$top/third_party/src/libonig/src
[ -f "$jq/src/parser.c" ] || "$top/tools/fetch-source.sh" jq
[ -f "$onig/regcomp.c" ] || "$top/tools/fetch-source.sh" libonig
gen=$out/gen
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$jq/src/builtin.jq" > "$gen/src/builtin.inc"
echo '#define JQ_VERSION "1.7.1"' > "$gen/src/version.h"
echo '#define JQ_CONFIG "native reference build"' > "$gen/src/config_opts.inc"
cat > "$gen/config.h" <<'EOC'
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_UNISTD_H 1
#define HAVE_ALLOCA 1
#define HAVE_ALLOCA_H 1
#define SIZEOF_INT 4
#define SIZEOF_LONG 8
#define SIZEOF_LONG_LONG 8
#define SIZEOF_VOIDP 8
EOC
# jq's configuration for glibc: the guest's list, but gamma and pow10
# (which glibc 2.36 does not have under these names) and with real threads.
grep '^#define' "$top/guest/applets/jq/config.h" | grep -v 'HAVE_POW10' > "$gen/jqconfig.h"
echo '#define HAVE_GAMMA 1' >> "$gen/jqconfig.h"
echo '#define HAVE_PTHREAD 1' >> "$gen/jqconfig.h"
objs=
for f in builtin.c bytecode.c compile.c execute.c jq_test.c jv.c jv_alloc.c jv_aux.c jv_dtoa.c \
         jv_file.c jv_parse.c jv_print.c jv_unicode.c linker.c locfile.c util.c \
         decNumber/decContext.c decNumber/decNumber.c jv_dtoa_tsd.c main.c lexer.c parser.c; do
    o=$out/jq_$(basename "${f%.c}").o
    gcc -O2 -w -std=gnu11 -D_GNU_SOURCE -pthread -include "$gen/jqconfig.h" -I"$gen" -I"$gen/src" -I"$jq" \
        -I"$jq/src" -I"$onig" -c "$jq/src/$f" -o "$o"
    objs="$objs $o"
done
for f in regparse.c regcomp.c regexec.c regenc.c regerror.c regext.c regsyntax.c regtrav.c \
         regversion.c st.c unicode.c unicode_unfold_key.c unicode_fold1_key.c unicode_fold2_key.c \
         unicode_fold3_key.c ascii.c utf8.c utf16_be.c utf16_le.c utf32_be.c utf32_le.c; do
    o=$out/onig_${f%.c}.o
    gcc -O2 -w -I"$gen" -I"$onig" -c "$onig/$f" -o "$o"
    objs="$objs $o"
done
# shellcheck disable=SC2086
gcc -pthread -o "$out/jq" $objs -lm
echo "build-jq-native: $out/jq" >&2
