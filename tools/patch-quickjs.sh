#!/bin/sh
# patch-quickjs.sh SRC DST — copy QuickJS's quickjs.c from SRC to DST with the
# few edits a wasm32-wasi build needs.  Defines and wrapper headers cannot
# reach these lines because quickjs.c sets the macros itself.  Each edit must
# match exactly once; if upstream text changed, the build stops here.
#
# 1. CONFIG_ATOMICS off under WASI: it pulls in <pthread.h>, which the
#    wasi-libc we build against does not have, and the guest has one thread.
set -eu
src=${1:?usage: patch-quickjs.sh SRC/quickjs.c DST/quickjs.c}
dst=${2:?usage: patch-quickjs.sh SRC/quickjs.c DST/quickjs.c}

perl -0777 -e '
    my ($src, $dst) = @ARGV;
    open(my $in, "<", $src) or die "patch-quickjs: cannot read $src: $!\n";
    local $/; my $t = <$in>; close $in;
    my @edits = (
        [ "CONFIG_ATOMICS off under WASI",
          "#if !defined(EMSCRIPTEN)\n#define CONFIG_ATOMICS\n",
          "#if !defined(EMSCRIPTEN) && !defined(__wasi__)\n#define CONFIG_ATOMICS\n" ],
    );
    for my $e (@edits) {
        my ($what, $from, $to) = @$e;
        my $n = () = $t =~ /\Q$from\E/g;
        die "patch-quickjs: \"$what\": expected the upstream text once, found it $n times; QuickJS changed, review the edit\n" if $n != 1;
        $t =~ s/\Q$from\E/$to/;
    }
    open(my $out, ">", "$dst.tmp") or die "patch-quickjs: cannot write $dst: $!\n";
    print $out $t; close $out or die; rename("$dst.tmp", $dst) or die;
' "$src" "$dst"
