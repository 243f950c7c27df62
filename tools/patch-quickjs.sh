#!/bin/sh
# patch-quickjs.sh SRC DST — copy QuickJS's quickjs.c from SRC to DST with the
# few edits a wasm32-wasi build needs.  Defines and wrapper headers cannot
# reach these lines because quickjs.c sets the macros itself.  Each edit must
# match exactly once; if upstream text changed, the build stops here.
#
# 1. CONFIG_ATOMICS off under WASI: it pulls in <pthread.h>, which the
#    wasi-libc we build against does not have, and the guest has one thread.
# 2. BigInt.asUintN: upstream returns its argument unchanged whenever the
#    width covers the value's limbs, and keeps a set top bit in a limb-aligned
#    result, so a negative or top-bit-set result comes out signed:
#    asUintN(64, -1n) gives -1n, asUintN(32, 2n**31n) gives -2147483648n
#    (bellard/quickjs#557; on wasm32, limbs and short BigInts are 32 bits, so
#    every width >= 32 is hit).  The added branch computes asUintN the plain
#    way for every case but the (correct) short fast path: the low `bits`
#    bits, sign-extended from the value, plus one zero limb on top so the
#    result reads as non-negative.  asIntN is untouched.
# 3. Object spread of a string: {..."hi"} must copy the string's indexed
#    characters (CopyDataProperties does ToObject on its source); upstream
#    returns early for every primitive, giving {}.
# 5. DIRECT_DISPATCH off under WASI: wasm has no indirect branch, so the
#    computed-goto dispatch becomes a table of label indices in linear
#    memory feeding one switch, two loads more per opcode than the plain
#    switch (measured: fib -7%, sort -5%, JSON unchanged).
# 4. JS_DropPendingJobs(rt), appended: frees every queued job without
#    running it (the same loop JS_FreeRuntime runs).  When the host stops a
#    run, jobs the stopped script queued (promise reactions, including the
#    ones that catch the "interrupted" error as a rejection, finalizers)
#    must not run, neither now nor in the next run.  QuickJS has no public
#    way to do it.  The anchor is the JSJobEntry struct it relies on.
set -eu
src=${1:?usage: patch-quickjs.sh SRC/quickjs.c DST/quickjs.c}
dst=${2:?usage: patch-quickjs.sh SRC/quickjs.c DST/quickjs.c}

perl -0777 -e '
    my ($src, $dst) = @ARGV;
    open(my $in, "<", $src) or die "patch-quickjs: cannot read $src: $!\n";
    local $/; my $t = <$in>; close $in;
    my @edits = (
        [ "DIRECT_DISPATCH off under WASI",
          "#if defined(EMSCRIPTEN)\n#define DIRECT_DISPATCH  0\n",
          "#if defined(EMSCRIPTEN) || defined(__wasi__)\n#define DIRECT_DISPATCH  0\n" ],
        [ "object spread of a string primitive",
          "    if (JS_VALUE_GET_TAG(source) != JS_TAG_OBJECT)\n        return 0;\n\n    if (JS_VALUE_GET_TAG(excluded) == JS_TAG_OBJECT)\n",
          "    if (JS_VALUE_GET_TAG(source) == JS_TAG_STRING) {\n" .
          "        /* wasmbox (tools/patch-quickjs.sh): ToObject(source) for strings */\n" .
          "        JSValue obj = JS_ToObject(ctx, source);\n" .
          "        if (JS_IsException(obj))\n            return -1;\n" .
          "        ret = JS_CopyDataProperties(ctx, target, obj, excluded, setprop);\n" .
          "        JS_FreeValue(ctx, obj);\n        return ret;\n    }\n" .
          "    if (JS_VALUE_GET_TAG(source) != JS_TAG_OBJECT)\n        return 0;\n\n    if (JS_VALUE_GET_TAG(excluded) == JS_TAG_OBJECT)\n" ],
        [ "CONFIG_ATOMICS off under WASI",
          "#if !defined(EMSCRIPTEN)\n#define CONFIG_ATOMICS\n",
          "#if !defined(EMSCRIPTEN) && !defined(__wasi__)\n#define CONFIG_ATOMICS\n" ],
        [ "BigInt.asUintN of negative or limb-aligned results",
          "        res = __JS_NewShortBigInt(ctx, 0);\n    } else if (JS_VALUE_GET_TAG(a) == JS_TAG_SHORT_BIG_INT) {\n        /* fast case */\n",
          "        res = __JS_NewShortBigInt(ctx, 0);\n" .
          "    } else if (!asIntN && (JS_VALUE_GET_TAG(a) != JS_TAG_SHORT_BIG_INT ||\n" .
          "                           bits >= JS_SHORT_BIG_INT_BITS)) {\n" .
          "        /* wasmbox (tools/patch-quickjs.sh): a mod 2^bits, bellard/quickjs#557 */\n" .
          "        JSBigIntBuf buf;\n" .
          "        JSBigInt *r, *p;\n" .
          "        js_limb_t ext;\n" .
          "        int len, i;\n" .
          "        if (JS_VALUE_GET_TAG(a) == JS_TAG_SHORT_BIG_INT)\n" .
          "            p = js_bigint_set_short(&buf, a);\n" .
          "        else\n" .
          "            p = JS_VALUE_GET_PTR(a);\n" .
          "        ext = -(js_limb_t)js_bigint_sign(p);\n" .
          "        if (!ext && bits >= p->len * JS_LIMB_BITS) {\n" .
          "            res = a; /* non-negative and narrower than bits */\n" .
          "        } else {\n" .
          "            /* bits / JS_LIMB_BITS full limbs and a top limb with the\n" .
          "               rest; a huge width makes js_bigint_new throw */\n" .
          "            if (bits >= (uint64_t)JS_BIGINT_MAX_SIZE * JS_LIMB_BITS)\n" .
          "                len = JS_BIGINT_MAX_SIZE + 1;\n" .
          "            else\n" .
          "                len = bits / JS_LIMB_BITS + 1;\n" .
          "            r = js_bigint_new(ctx, len);\n" .
          "            if (!r) {\n" .
          "                JS_FreeValue(ctx, a);\n" .
          "                return JS_EXCEPTION;\n" .
          "            }\n" .
          "            for(i = 0; i < len; i++)\n" .
          "                r->tab[i] = i < p->len ? p->tab[i] : ext;\n" .
          "            r->tab[len - 1] &= ((js_limb_t)1 << (bits % JS_LIMB_BITS)) - 1;\n" .
          "            r = js_bigint_normalize(ctx, r);\n" .
          "            JS_FreeValue(ctx, a);\n" .
          "            res = JS_CompactBigInt(ctx, r);\n" .
          "        }\n" .
          "    } else if (JS_VALUE_GET_TAG(a) == JS_TAG_SHORT_BIG_INT) {\n        /* fast case */\n" ],
    );
    my $anchor = "typedef struct JSJobEntry {\n    struct list_head link;\n    JSContext *ctx;\n    JSJobFunc *job_func;\n    int argc;\n    JSValue argv[0];\n} JSJobEntry;\n";
    my $na = () = $t =~ /\Q$anchor\E/g;
    die "patch-quickjs: \"JS_DropPendingJobs\": JSJobEntry changed upstream, review the edit\n" if $na != 1;
    $t .= "\n/* wasmbox (tools/patch-quickjs.sh): drop queued jobs unrun */\n" .
          "void JS_DropPendingJobs(JSRuntime *rt)\n{\n" .
          "    struct list_head *el, *el1;\n    int i;\n" .
          "    list_for_each_safe(el, el1, &rt->job_list) {\n" .
          "        JSJobEntry *e = list_entry(el, JSJobEntry, link);\n" .
          "        list_del(&e->link);\n" .
          "        for(i = 0; i < e->argc; i++)\n            JS_FreeValueRT(rt, e->argv[i]);\n" .
          "        js_free_rt(rt, e);\n    }\n}\n";
    for my $e (@edits) {
        my ($what, $from, $to) = @$e;
        my $n = () = $t =~ /\Q$from\E/g;
        die "patch-quickjs: \"$what\": expected the upstream text once, found it $n times; QuickJS changed, review the edit\n" if $n != 1;
        $t =~ s/\Q$from\E/$to/;
    }
    open(my $out, ">", "$dst.tmp") or die "patch-quickjs: cannot write $dst: $!\n";
    print $out $t; close $out or die; rename("$dst.tmp", $dst) or die;
' "$src" "$dst"
