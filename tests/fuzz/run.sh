#!/bin/sh
# tests/fuzz/run.sh [SECONDS] [BUILD_DIR] — libFuzzer targets for the host's
# parsers of untrusted input (tests/fuzz/fuzz_*.c).
#
# Builds the host sources the targets need with clang and
# -fsanitize=fuzzer,address,undefined into BUILD_DIR/fuzz (BUILD_DIR
# defaults to build, giving build/fuzz), runs each target for SECONDS
# (default 10) on a copy of its seed corpus (tests/fuzz/corpus/TARGET is
# never written), then replays every file in tests/fuzz/regressions/TARGET.
# Prints "PASS fuzz/TARGET" or "FAIL fuzz/TARGET" (with the crash file and
# the head of the report) for each run and each regression, and ends with
# "N passed, N failed"; exits 1 on any failure.  Without a usable clang and
# libFuzzer it prints "0 passed, 0 failed, 5 skipped" and the reason, and
# exits 0.
#
# The generated guest.h (needed by the WASI and host_call sources) is taken
# from $G, else from BUILD_DIR's sibling "guest" (build/host -> build/guest);
# without it the wasi target is skipped.
#
# Environment: CLANG (default clang-19, else clang), G, FUZZ_JOBS (targets
# run at once; default: the number of CPUs), FUZZ_ARGS (extra libFuzzer
# flags for the timed runs).
set -u
SECONDS_EACH=${1:-10}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
if [ $# -ge 2 ]; then
    BUILD=$2
    OUT=$BUILD/fuzz
    G=${G:-$(dirname "$BUILD")/guest}
else
    OUT=build/fuzz
    G=${G:-build/guest}
fi
TARGETS="json policy batch wasi journal sh_parse vfs"

skip_all() {
    echo "fuzz: skipped: $1"
    echo "0 passed, 0 failed, 5 skipped"
    exit 0
}

# ------------------------------------------------------------ toolchain
CC=${CLANG:-}
if [ -z "$CC" ]; then
    for c in clang-19 clang; do
        if command -v "$c" >/dev/null 2>&1; then CC=$c; break; fi
    done
fi
[ -n "$CC" ] || skip_all "no clang found (install clang-19 and libclang-rt-19-dev)"
mkdir -p "$OUT/obj" "$OUT/logs" || skip_all "cannot create $OUT"
probe=$OUT/obj/probe
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' > "$probe.c"
if ! "$CC" -fsanitize=fuzzer,address,undefined "$probe.c" -o "$probe" > "$probe.log" 2>&1; then
    skip_all "$CC cannot build libFuzzer targets ($(head -n 1 "$probe.log")); on Debian: apt-get install libclang-rt-19-dev"
fi
rm -f "$probe" "$probe.c" "$probe.log"

SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CFLAGS="-std=c11 -D_GNU_SOURCE -O1 -g $SAN -Iinclude -Isrc -Isrc/runtime -I$G"
SRCS="src/json.c src/policy.c src/policy_check.c src/tools.c src/tool_providers.c src/tool_argv.c src/host.c
      src/guest_mem.c src/runtime/rt_memory.c src/runtime/rt_trap.c src/runtime/rt_table.c
      src/runtime/rt_stack.c src/runtime/rt_undo.c src/config.c src/status.c src/tools_ts.c
      src/mcp/upstream.c src/mcp/jsonrpc.c $(echo src/journal/*.c)"
reason_wasi=
if [ -f "$G/guest.h" ]; then
    SRCS="$SRCS src/wasi/wasi.c src/wasi/wasi_fs.c src/wasi/wasi_stdin.c src/host_call.c $(ls src/vfs/*.c | tr '\n' ' ')"
else
    reason_wasi="no $G/guest.h (build the library first: make, or set G)"
    TARGETS="json policy batch journal sh_parse" # wasi and vfs need the generated guest.h
fi

# ------------------------------------------------------------ build
# Host objects once (coverage-instrumented, no libFuzzer main) into a
# static library the targets share; rebuilt when a source or any
# header is newer.  Jobs run in parallel; each leaves a status file.
headers_newer() { # obj -> true if some header is newer than obj
    [ -n "$(find src include "$G/guest.h" -name '*.h' -newer "$1" 2>/dev/null | head -n 1)" ]
}
compile() { # src obj extra-flags
    if [ -f "$2" ] && [ "$2" -nt "$1" ] && ! headers_newer "$2"; then
        echo 0 > "$2.st"; return
    fi
    "$CC" $CFLAGS $3 -c "$1" -o "$2" > "$2.log" 2>&1
    echo $? > "$2.st"
}
objs=
for s in $SRCS; do
    o=$OUT/obj/$(echo "$s" | sed 's|^src/||; s|/|_|g; s|\.c$|.o|')
    objs="$objs $o"
    compile "$s" "$o" -fsanitize=fuzzer-no-link &
done
for t in $TARGETS; do
    compile "tests/fuzz/fuzz_$t.c" "$OUT/obj/fuzz_$t.o" -fsanitize=fuzzer-no-link &
done
wait
build_failed=0
for o in $objs; do
    if [ "$(cat "$o.st" 2>/dev/null)" != 0 ]; then
        echo "fuzz: cannot compile $(basename "$o" .o):"; head -n 20 "$o.log"; build_failed=1
    fi
done
lib=$OUT/obj/libwbhost.a
if [ $build_failed = 0 ]; then
    rm -f "$lib" && ar rcs "$lib" $objs || build_failed=1
fi
# The shell's parser target links the guest's shell sources, built natively.
shlib=$OUT/obj/libwbsh.a
shobjs=
for s in guest/shell/*.c guest/rt/proc.c guest/rt/alloc.c guest/rt/applet_run.c guest/rt/unwind_native.c \
         guest/applets/registry.c; do
    o=$OUT/obj/sh_$(echo "$s" | sed 's|/|_|g; s|\.c$|.o|')
    shobjs="$shobjs $o"
    compile "$s" "$o" -fsanitize=fuzzer-no-link &
done
wait
for o in $shobjs; do
    if [ "$(cat "$o.st" 2>/dev/null)" != 0 ]; then
        echo "fuzz: cannot compile $(basename "$o" .o):"; head -n 20 "$o.log"; build_failed=1
    fi
done
[ $build_failed = 0 ] && { rm -f "$shlib" && ar rcs "$shlib" $shobjs || build_failed=1; }

passed=0 failed=0 skipped=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# The interesting part of a sanitizer or libFuzzer report: the message and
# the frames in our code, without libFuzzer's and libc's own.
report_head() { # log
    grep -a -m 1 -A 40 -E '^==[0-9]+==ERROR|runtime error:|check failed:|^ERROR: libFuzzer|^==[0-9]+== ERROR' "$1" \
        | sed '/^SUMMARY/q' \
        | grep -av -E '^INFO:|fuzzer::|__sanitizer|__ubsan|ubsan_handlers|libc\.so|pthread_kill|in raise |in abort |__libc_start|in _start |in main |^ *$|deadly signal|^NOTE:|Combine libFuzzer|^MS: |^Base64|^artifact_prefix|Test unit written|^stat::' \
        | head -n 12 | cut -c 1-300 | sed 's/^/    /'
}

for t in $TARGETS; do
    bin=$OUT/fuzz_$t
    st=$(cat "$OUT/obj/fuzz_$t.o.st" 2>/dev/null)
    if [ $build_failed != 0 ] || [ "$st" != 0 ]; then
        [ "$st" != 0 ] && { echo "fuzz: cannot compile fuzz_$t.c:"; head -n 20 "$OUT/obj/fuzz_$t.o.log"; }
        fail "fuzz/$t: build failed"
        rm -f "$bin"
        continue
    fi
    tlib=$lib
    [ "$t" = sh_parse ] && tlib=$shlib
    if ! "$CC" $SAN -fsanitize=fuzzer -o "$bin" "$OUT/obj/fuzz_$t.o" "$tlib" -lpthread -lm > "$OUT/logs/link_$t.log" 2>&1; then
        head -n 20 "$OUT/logs/link_$t.log"
        fail "fuzz/$t: link failed"
        rm -f "$bin"
    fi
done

# ------------------------------------------------------------ run
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}

run_target() { # t: fuzz for SECONDS_EACH on the corpus copy; status in logs/t.st
    t=$1
    corpus=$OUT/corpus/$t
    art=$OUT/artifacts/$t
    rm -rf "$art"
    mkdir -p "$corpus" "$art"
    cp tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null
    dict=
    [ -f "tests/fuzz/dict/$t.dict" ] && dict=-dict=tests/fuzz/dict/$t.dict
    "$OUT/fuzz_$t" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=20 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$art/" $dict ${FUZZ_ARGS:-} "$corpus" > "$OUT/logs/$t.log" 2>&1
    echo $? > "$OUT/logs/$t.st"
}

running=0
for t in $TARGETS; do
    [ -x "$OUT/fuzz_$t" ] || continue
    run_target "$t" &
    running=$((running + 1))
    if [ $running -ge "$JOBS" ]; then
        wait
        running=0
    fi
done
wait

for t in $TARGETS; do
    [ -x "$OUT/fuzz_$t" ] || continue
    log=$OUT/logs/$t.log
    runs=$(grep -ao 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    eps=$(grep -ao 'average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -aE '^#[0-9]+' "$log" | grep -ao 'cov: [0-9]* ft: [0-9]*' | tail -n 1)
    if [ "$(cat "$OUT/logs/$t.st")" = 0 ]; then
        pass "fuzz/$t (${runs:-?} runs, ${eps:-?} exec/s, ${cov:-no coverage line})"
    else
        crash=$(ls -t "$OUT/artifacts/$t"/* 2>/dev/null | head -n 1)
        fail "fuzz/$t: ${crash:-no crash file} (log $log)"
        report_head "$log"
        [ -n "$crash" ] && echo "    replay: $OUT/fuzz_$t $crash"
    fi
done
if [ -n "$reason_wasi" ]; then
    echo "SKIP fuzz/wasi: $reason_wasi"
    skipped=$((skipped + 1))
fi

# ------------------------------------------------------------ regressions
for t in $TARGETS; do
    [ -d "tests/fuzz/regressions/$t" ] || continue
    for f in tests/fuzz/regressions/"$t"/*; do
        [ -f "$f" ] || continue
        name=fuzz/$t/regressions/$(basename "$f")
        if [ ! -x "$OUT/fuzz_$t" ]; then
            fail "$name: no fuzz_$t binary"
            continue
        fi
        log=$OUT/logs/regression-$t-$(basename "$f").log
        if "$OUT/fuzz_$t" -rss_limit_mb=2048 -timeout=20 "$f" > "$log" 2>&1; then
            pass "$name"
        else
            fail "$name (log $log)"
            report_head "$log"
        fi
    done
done

if [ $skipped -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
