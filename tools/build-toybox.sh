#!/bin/bash
# build-toybox.sh BUILDDIR — toybox for the guest: its own configuration
# and header generation, run natively in a build-time copy of the pinned
# source, then a wasm32-wasi compile of the commands, toybox's lib/ and
# our glue into BUILDDIR/libtoybox.a.
#
# Environment (from mk/toybox.mk): WASM_CC, WASM_CFLAGS (target, sysroot,
# -O2), JOBS.
#
# Why: toybox's generated/*.h (newtoys.h, flags.h, globals.h, help.h,
# config.h, tags.h) come from its kconfig and scripts/make.sh; running them
# as upstream does keeps our build free of hand-made copies.  The copy under
# BUILDDIR/src is where the generation writes; third_party/src stays as
# unpacked.  Only the commands in guest/applets/toybox/toybox.config are
# enabled (allnoconfig + that miniconfig).
#
# Symbols: toybox's globals have short common names (toys, this, toybuf,
# xmalloc, error_exit, ...) and the guest is one wasm with QuickJS, the
# shell, awk and jq.  So everything is compiled twice: once to list the
# global symbols toybox defines, then again with BUILDDIR/prefix.h, which
# renames each to wbtb_NAME.  Only wb_applets_toybox is left for others.
#
# Leaves: BUILDDIR/src (source + generated/), BUILDDIR/toyfiles (the
# toys/*/*.c files the configuration needs, one a line), BUILDDIR/obj,
# BUILDDIR/libtoybox.a.
set -euo pipefail

out=${1:?usage: build-toybox.sh BUILDDIR}
top=$(cd "$(dirname "$0")/.." && pwd)
src=$top/third_party/src/toybox
cfg=$top/guest/applets/toybox/toybox.config
[ -f "$src/main.c" ] || { echo "build-toybox: $src/main.c missing (run tools/fetch-source.sh toybox)" >&2; exit 1; }

mkdir -p "$out"; out=$(cd "$out" && pwd)
rm -rf "$out/src"
cp -a "$src" "$out/src"
"$top/tools/patch-toybox.sh" "$out/src"
cd "$out/src"
# Native tools only here: kconfig's conf, mkflags, config2help, mktags and
# the preprocessor pass of flags.h all run on the build machine.
export CC=gcc HOSTCC=gcc CFLAGS= LDFLAGS=
# (A make of its own: not a job of the make that runs this script.)
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s allnoconfig KCONFIG_ALLCONFIG="$cfg" >/dev/null
# Every command asked for must have survived kconfig's dependency checks.
missing=$(grep -E '^CONFIG_[A-Z0-9_]+=y' "$cfg" | while IFS= read -r l; do
              grep -qx "$l" .config || echo "${l%=y}"; done)
[ -z "$missing" ] || { echo "build-toybox: kconfig dropped: $missing" >&2; exit 1; }
# (Its "Config.probed changed" warning is expected: the probe sees fork()
# in the native libc, our miniconfig forces NOMMU.)
NOBUILD=1 scripts/make.sh 2>&1 >/dev/null | { grep -v -e "Config.probed changed" -e "^\$" >&2 || true; }
for h in newtoys flags globals help config tags; do
    [ -s "generated/$h.h" ] || { echo "build-toybox: generated/$h.h was not made" >&2; exit 1; }
done
# The same file list scripts/make.sh would compile, minus main.c.
names=$(sed -n 's/^CONFIG_\([^=]*\)=.*/\1/p' .config | xargs | tr ' [A-Z]' '|[a-z]')
grep -lE "TOY[(]($names)[ ,]" toys/*/*.c > "$out/toyfiles"
echo "build-toybox: generated headers for $(wc -l < "$out/toyfiles") toybox files" >&2

# ---------------------------------------------------------------- compile
: "${WASM_CC:?WASM_CC not set (run through make)}" "${WASM_CFLAGS:?WASM_CFLAGS not set}"
jobs=${JOBS:-2}
# The compile runs inside the copy: a relative --sysroot is relative to $top.
WASM_CFLAGS=$(echo "$WASM_CFLAGS" | sed "s|--sysroot=\([^/ ][^ ]*\)|--sysroot=$top/\1|")
inc=$top/guest/applets/toybox/include
emul="-D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_MMAN -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID"
# __linux__: toybox's portability layer knows Linux, macOS and the BSDs;
# the Linux branches need the fewest stand-ins (include/ supplies them).
# -funsigned-char: as on ARM, where toybox is tested; some commands index
# tables with plain char (tr's map[toybuf[i]]).
tbflags="$WASM_CFLAGS -w -funsigned-char -D__linux__ $emul -I$inc -I."
ourflags="$WASM_CFLAGS -Wall -Wextra -Werror -D__linux__ $emul -I$inc -isystem . -I$out -I$top/guest/applets"
stubflags="$WASM_CFLAGS -Wall -Wextra -Werror $emul -I$inc"

gcc -O1 -Wall -Wextra -Werror -I. -o "$out/toybox-table" "$top/tools/toybox-table.c"
"$out/toybox-table" > "$out/toybox-applets.inc.new"
mv "$out/toybox-applets.inc.new" "$out/toybox-applets.inc"

srcs="main.c $(ls lib/*.c | grep -v -e '^lib/net.c$' -e '^lib/password.c$') $(cat "$out/toyfiles")"
# compile_all OBJDIR EXTRA-FLAGS...: every source into OBJDIR, JOBS at a time.
compile_all() {
    local dir=$1; shift
    rm -rf "$dir"; mkdir -p "$dir"
    export WASM_CC dir tbflags ourflags stubflags top extra="$*"
    { for f in $srcs; do echo "tb $f"; done
      echo "our $top/guest/applets/toybox/glue.c"
      # fast_*.c: fast paths inside toybox commands (toys.h, FOR_name)
      for f in "$top"/guest/applets/toybox/fast_*.c; do echo "our $f"; done
      echo "stub $top/guest/applets/toybox/stubs.c"
      for f in "$top"/guest/applets/toybox/own_*.c; do echo "own $f"; done; } |
    xargs -P "$jobs" -L 1 sh -c '
        kind=$0 f=$1 o="$dir/$(echo "$1" | sed "s|.*/guest/applets/toybox/||; s|/|_|g; s|\.c$|.o|")"
        case $kind in
          tb) x=; [ "$f" = main.c ] && x=-Dmain=wbtb_unused_main
              exec $WASM_CC $tbflags $extra $x -c "$f" -o "$o" ;;
          our) exec $WASM_CC $ourflags $extra -c "$f" -o "$o" ;;
          stub) exec $WASM_CC $stubflags -c "$f" -o "$o" ;;
          own) exec $WASM_CC $WASM_CFLAGS -Wall -Wextra -Werror -I$top/guest/applets $extra -c "$f" -o "$o" ;;
        esac' || { echo "build-toybox: compile failed" >&2; exit 1; }
}

compile_all "$out/obj1"
nm=$(command -v llvm-nm-19 || echo /usr/lib/llvm-19/bin/llvm-nm)
"$nm" --defined-only -g "$out"/obj1/*.o | awk 'NF == 3 { print $3 }' | sort -u |
    grep -v -e '^wbtb_' -e '^wb_' -e '^__' |
    awk '{ printf "#define %s wbtb_%s\n", $1, $1 }' > "$out/prefix.h.new"
{ echo "/* Generated by tools/build-toybox.sh: toybox's global symbols, renamed. */"
  cat "$out/prefix.h.new"; } > "$out/prefix.h"
rm -f "$out/prefix.h.new"
compile_all "$out/obj" -include "$out/prefix.h"
rm -rf "$out/obj1"

# Nothing but wbtb_*, wb_applets_toybox and libc's names may be defined.
leak=$("$nm" --defined-only -g "$out"/obj/*.o | awk 'NF == 3 { print $3 }' | sort -u |
       grep -v -e '^wbtb_' -e '^wb_applets_toybox$' -e '^__' || true)
[ -z "$leak" ] || { echo "build-toybox: symbols not renamed: $leak" >&2; exit 1; }
rm -f "$out/libtoybox.a.new"
ar rcs "$out/libtoybox.a.new" "$out"/obj/*.o
mv "$out/libtoybox.a.new" "$out/libtoybox.a"
echo "build-toybox: $out/libtoybox.a ($(ls "$out"/obj/*.o | wc -l) objects)" >&2
