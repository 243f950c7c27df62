#!/bin/sh
# tests/meter/run.sh — builds tools/wasm-meter and checks it:
#   - it compiles without warnings (-std=c11 -Wall -Wextra -Werror);
#   - basic.wat (hand-written) and kernels.c (clang-19 -O2) metered (with and
#     without --local-fuel), validated, translated by wasm2c and run by
#     harness.c against the unmetered module and the --naive oracle: same
#     results, fuel = instructions executed, loops and recursion stopped by
#     small budgets;
#   - features.wat (SIMD, threads, tail calls, table ops) validates after
#     metering and keeps its opcode counts;
#   - malformed input: exact error messages; truncations and mutations of
#     the test modules answered with exit 0 or 1 under ASan/UBSan, never a
#     crash;
#   - the real guest, when built: metered, validated, translated by wasm2c,
#     opcode counts consistent.  Which guest: $GUEST_WASM; else the
#     argument, a guest.wasm or a path in a build tree (tests/run.sh passes
#     build/host/wasmbox, giving build/guest/guest.wasm); else
#     build-meter/ or build/.
# Usage: tests/meter/run.sh [GUEST.wasm | BUILD_PATH]
# Prints PASS/FAIL lines and ends with "N passed, N failed"; exit 1 on failure.
set -u
ARG=${1:-}
case $ARG in "" | /*) ;; *) ARG=$PWD/$ARG ;; esac
cd "$(dirname "$0")/../.." || exit 1
CC=${CC:-gcc}
T=$(mktemp -d "${TMPDIR:-/tmp}/wasm-meter-test.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
# check NAME CMD...: PASS if CMD succeeds; on failure shows its output.
check() {
    name=$1
    shift
    if "$@" >"$T/out" 2>&1; then ok "$name"; else bad "$name" "$(head -c 600 "$T/out" | tr '\n' ' ')"; fi
}
# Adds the PASS/FAIL lines of a sub-program to the totals.
tally() {
    cat "$1"
    pass=$((pass + $(grep -c '^PASS ' "$1")))
    fail=$((fail + $(grep -c '^FAIL ' "$1")))
}
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit $?
}

METER_SRC="tools/wasm-meter.c tools/meter/util.c tools/meter/insn.c tools/meter/body.c tools/meter/module.c"
M=$T/wasm-meter
# shellcheck disable=SC2086
check "build wasm-meter (-std=c11 -Wall -Wextra -Werror -O2)" \
    $CC -std=c11 -Wall -Wextra -Werror -O2 -o "$M" $METER_SRC
[ -x "$M" ] || finish
ASAN=$T/wasm-meter-asan
# shellcheck disable=SC2086
if $CC -std=c11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
        -o "$ASAN" $METER_SRC >"$T/out" 2>&1; then
    ok "build wasm-meter with ASan/UBSan"
else
    echo "SKIP sanitizer build (no ASan/UBSan here): robustness checks use the plain build"
    ASAN=$M
fi

# ------------------------------------------------------------ run the harness
RT=/usr/share/wabt/wasm2c
# suite NAME SUITE_NUMBER INPUT.wasm [METER-FLAGS]: plain/opt/naive through
# wasm2c + harness.c
suite() {
    d=$T/$1
    mkdir -p "$d"
    # shellcheck disable=SC2086 # $4: optional flags, split on purpose
    check "$1: meter${4:+ $4}" "$M" ${4:-} --initial-fuel 1000000 "$3" "$d/opt.wasm"
    check "$1: meter --naive" "$M" --naive --initial-fuel 1000000 "$3" "$d/naive.wasm"
    check "$1: metered module validates" wasm-validate "$d/opt.wasm"
    check "$1: naive module validates" wasm-validate "$d/naive.wasm"
    if ! (wasm2c "$3" -n plain -o "$d/plain.c" && wasm2c "$d/opt.wasm" -n opt -o "$d/opt.c" &&
        wasm2c "$d/naive.wasm" -n naive -o "$d/naive.c") >"$T/out" 2>&1; then
        bad "$1: wasm2c" "$(head -c 600 "$T/out" | tr '\n' ' ')"
        return
    fi
    ok "$1: wasm2c translates all three"
    # The generated code and wabt's runtime are not ours: no -Werror there.
    case " ${4:-} " in *" --stack-check "*) sc=-DSTACK_CHECK ;; *) sc= ;; esac
    if ! $CC -std=c11 -D_GNU_SOURCE -O1 -w -DSUITE="$2" $sc -I"$d" -I"$RT" -o "$d/harness" \
            tests/meter/harness.c "$d/plain.c" "$d/opt.c" "$d/naive.c" "$RT/wasm-rt-impl.c" -lm \
            >"$T/out" 2>&1; then
        bad "$1: build harness" "$(head -c 600 "$T/out" | tr '\n' ' ')"
        return
    fi
    "$d/harness" >"$d/results" 2>&1
    rc=$?
    grep -v '^harness:' "$d/results" | sed "s/^\(PASS\|FAIL\) /\1 $1: /" >"$d/lines"
    tally "$d/lines"
    [ "$rc" -eq 0 ] || grep -q '^FAIL ' "$d/lines" || bad "$1: harness exited $rc" "$(tail -c 300 "$d/results")"
}

if wat2wasm tests/meter/basic.wat -o "$T/basic.wasm" >"$T/out" 2>&1; then
    suite basic 1 "$T/basic.wasm"
    suite basic-local 1 "$T/basic.wasm" --local-fuel
else
    bad "wat2wasm basic.wat" "$(head -c 600 "$T/out")"
fi

if command -v clang-19 >/dev/null 2>&1; then
    if clang-19 --target=wasm32 -O2 -nostdlib -mbulk-memory -Wall -Wextra -Werror \
            -Wl,--no-entry -o "$T/kernels.wasm" tests/meter/kernels.c >"$T/out" 2>&1; then
        suite kernels 2 "$T/kernels.wasm"
        suite kernels-local 2 "$T/kernels.wasm" --local-fuel
        suite kernels-stack 2 "$T/kernels.wasm" "--local-fuel --stack-check"
    else
        bad "clang-19 kernels.c" "$(head -c 600 "$T/out")"
    fi
else
    echo "SKIP kernels (no clang-19)"
fi

# ------------------------------------------------------------ opcode accounting
# opcount_check NAME IN OUT FEATURE-FLAGS: opcodes the pass does not emit keep
# their counts; call and if grow by the number of checks, i64.sub by the
# number of charge points (from --stats).
METER_OPS='global\.get|global\.set|i64\.const|i64\.sub|i64\.lt_s|if|call|end|local\.get|local\.set|i64\.extend_i32_u|i64\.shr_u'
opcounts() {
    # shellcheck disable=SC2086
    wasm-opcodecnt $2 "$1" | sed -n '/^Opcode counts:/,/^$/p' | grep ': ' | sort
}
opcount_check() {
    name=$1 in=$2 out=$3 flags=$4
    opcounts "$in" "$flags" >"$T/c.in"
    opcounts "$out" "$flags" >"$T/c.out"
    grep -Ev "^($METER_OPS):" "$T/c.in" >"$T/c.in.other"
    grep -Ev "^($METER_OPS):" "$T/c.out" >"$T/c.out.other"
    if ! diff "$T/c.in.other" "$T/c.out.other" >"$T/out" 2>&1; then
        bad "$name: other opcodes unchanged" "$(head -c 600 "$T/out" | tr '\n' ' ')"
        return
    fi
    ok "$name: other opcodes unchanged"
    "$M" --stats "$in" "$T/stats.wasm" >"$T/stats" 2>/dev/null
    if awk -v stats="$T/stats" '
        BEGIN {
            while ((getline l < stats) > 0) if (l ~ /charge points:/) {
                split(l, w, /[ (,]+/)
                for (i = 1; i in w; i++) { if (w[i] == "points:") total = w[i+1]
                    if (w[i] == "entry" && w[i+1] == "checks") checks += w[i-1]
                    if (w[i] == "loop") checks += w[i-1]
                    if (w[i] == "bulk-op") checks += w[i-1] }
            }
        }
        FNR == NR { split($0, a, ": "); before[a[1]] = a[2]; next }
        { split($0, a, ": "); after[a[1]] = a[2] }
        END {
            dc = after["call"] - before["call"]; di = after["if"] - before["if"]
            ds = after["i64.sub"] - before["i64.sub"]
            if (dc != checks || di != checks || ds != total) {
                printf "call +%d, if +%d (checks %d), i64.sub +%d (charge points %d)\n", dc, di, checks, ds, total
                exit 1
            }
        }' "$T/c.in" "$T/c.out" >"$T/out" 2>&1; then
        ok "$name: added calls/ifs/subs match --stats"
    else
        bad "$name: added calls/ifs/subs match --stats" "$(cat "$T/out")"
    fi
}

FEAT="--enable-threads --enable-tail-call"
# shellcheck disable=SC2086
if wat2wasm $FEAT tests/meter/features.wat -o "$T/features.wasm" >"$T/out" 2>&1; then
    check "features: meter" "$M" "$T/features.wasm" "$T/features.m.wasm"
    # shellcheck disable=SC2086
    check "features: metered module validates" wasm-validate $FEAT "$T/features.m.wasm"
    opcount_check features "$T/features.wasm" "$T/features.m.wasm" "$FEAT"
else
    bad "wat2wasm features.wat" "$(head -c 600 "$T/out")"
fi
[ -f "$T/basic.wasm" ] && opcount_check basic "$T/basic.wasm" "$T/basic/opt.wasm" ""

# An empty module gets the import, the global, its export and a type.
printf '\0asm\1\0\0\0' >"$T/empty.wasm"
if "$M" "$T/empty.wasm" "$T/empty.m.wasm" >"$T/out" 2>&1 && wasm-validate "$T/empty.m.wasm" &&
    wasm-objdump -x "$T/empty.m.wasm" | grep -q 'global\[0\] -> "wb_fuel"' &&
    wasm-objdump -x "$T/empty.m.wasm" | grep -q '<- wasmbox.out_of_fuel'; then
    ok "empty module: sections added"
else
    bad "empty module: sections added" "$(head -c 300 "$T/out")"
fi

# ------------------------------------------------------------ errors
# expect_error NAME REGEX FILE: exit 1, message matching REGEX, no output file.
expect_error() {
    rm -f "$T/err.wasm"
    "$M" "$3" "$T/err.wasm" >"$T/out" 2>&1
    rc=$?
    if [ "$rc" -eq 1 ] && grep -Eq "$2" "$T/out" && [ ! -e "$T/err.wasm" ]; then
        ok "$1"
    else
        bad "$1" "exit $rc: $(head -c 300 "$T/out")"
    fi
}
# --stack-check needs the stack pointer as global 0 (a mutable i32).
{ printf '\0asm\1\0\0\0\1\4\1\140\0\0\3\2\1\0\12\4\1\2\0\13'; } >"$T/noglobal.wasm"
rm -f "$T/err.wasm"
if "$M" --stack-check "$T/noglobal.wasm" "$T/err.wasm" >"$T/out" 2>&1; then
    bad "error: --stack-check without a stack pointer" "exit 0"
elif grep -q 'stack-check needs the stack pointer' "$T/out" && [ ! -e "$T/err.wasm" ]; then
    ok "error: --stack-check without a stack pointer"
else
    bad "error: --stack-check without a stack pointer" "$(head -c 300 "$T/out")"
fi
# hdr: magic, version, one type [] -> [], one function of that type.
hdr() { printf '\0asm\1\0\0\0\1\4\1\140\0\0\3\2\1\0'; }
{ hdr; printf '\12\5\1\3\0\6\13'; } >"$T/eh.wasm"
expect_error "error: exception opcode named with its offset" \
    "offset 0x17: code section, function 0 \(body 0\): opcode 0x06: exception handling is not supported" "$T/eh.wasm"
{ hdr; printf '\12\6\1\4\0\374\22\13'; } >"$T/fc.wasm"
expect_error "error: unknown 0xfc opcode" "offset 0x17: .*unknown opcode 0xfc 18" "$T/fc.wasm"
{ hdr; printf '\12\6\1\4\0\101\200\200'; } >"$T/leb.wasm"
expect_error "error: LEB128 cut by the end of the body" "offset 0x1a: .*unexpected end of data" "$T/leb.wasm"
{ hdr; printf '\12\13\1\11\0\101\200\200\200\200\200\0\13'; } >"$T/leb2.wasm"
expect_error "error: over-long LEB128" "integer representation too long" "$T/leb2.wasm"
{ hdr; printf '\12\6\1\4\0\20\1\13'; } >"$T/call.wasm"
expect_error "error: call to a missing function" "function index 1 out of range" "$T/call.wasm"
printf '\0asm\1\0\0\0\1\377\1' >"$T/sec.wasm"
expect_error "error: section size past the end" "offset 0x9: .*runs past the end of the file" "$T/sec.wasm"
if [ -f "$T/basic/opt.wasm" ]; then
    expect_error "error: refuses to meter twice" "already imports wasmbox.out_of_fuel" "$T/basic/opt.wasm"
fi

# ------------------------------------------------------------ robustness
# Truncations (about 200 cut points per module) and 100 mutations of each
# small module: wasm-meter must exit 0, or 1 with its own message first.
# ASan reports exit 99; UBSan's exit 1 but start with their own line.
ASAN_OPTIONS=detect_leaks=0:exitcode=99
UBSAN_OPTIONS=exitcode=99:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS
robust() {
    name=$1 file=$2
    size=$(wc -c <"$file")
    step=$((size / 200 + 1))
    crashes=0 rejected=0 accepted=0 n=0 i=0
    while :; do
        if [ "$name" = truncated ]; then
            [ "$i" -ge "$size" ] && break
            head -c "$i" "$file" >"$T/r.wasm"
            i=$((i + step))
        else
            [ "$i" -ge 100 ] && break
            i=$((i + 1))
            "$T/mutate" "$file" "$T/r.wasm" "$i" || break
        fi
        "$ASAN" "$T/r.wasm" "$T/r.out.wasm" >"$T/r.log" 2>&1
        rc=$?
        n=$((n + 1))
        line=
        read -r line <"$T/r.log"
        if [ "$rc" -eq 0 ]; then
            accepted=$((accepted + 1))
        elif [ "$rc" -eq 1 ] && [ "${line#wasm-meter: }" != "$line" ]; then
            rejected=$((rejected + 1))
        else
            crashes=$((crashes + 1))
            cp "$T/r.wasm" "$T/crash.wasm"
            cp "$T/r.log" "$T/crash.log"
        fi
    done
    if [ "$crashes" -eq 0 ] && [ "$n" -gt 0 ]; then
        ok "$name $(basename "$file"): $n inputs, $rejected rejected with a message, $accepted accepted, no crash"
    else
        bad "$name $(basename "$file")" "$crashes crash(es); last: $(head -c 400 "$T/crash.log" 2>/dev/null)"
    fi
}
if $CC -std=c11 -O2 -Wall -Wextra -Werror -o "$T/mutate" tests/meter/mutate.c >"$T/out" 2>&1; then
    for f in "$T/basic.wasm" "$T/features.wasm" "$T/kernels.wasm"; do
        [ -f "$f" ] || continue
        robust truncated "$f"
        robust mutated "$f"
    done
else
    bad "build mutate.c" "$(head -c 600 "$T/out")"
fi

# ------------------------------------------------------------ the real guest
G=${GUEST_WASM:-}
if [ -z "$G" ] && [ -n "$ARG" ]; then
    for c in "$ARG" "$ARG/guest/guest.wasm" "$(dirname "$ARG")/../guest/guest.wasm"; do
        case $c in *.wasm) [ -f "$c" ] && G=$c && break ;; esac
    done
fi
if [ -z "$G" ]; then
    for c in build-meter/guest/guest.wasm build/guest/guest.wasm; do
        [ -f "$c" ] && G=$c && break
    done
fi
if [ -n "$G" ] && [ -f "$G" ]; then
    check "guest: meter $G" "$M" --stats "$G" "$T/guest.m.wasm"
    sed 's/^/    /' "$T/out"
    check "guest: metered guest validates" wasm-validate "$T/guest.m.wasm"
    check "guest: wasm2c translates it" wasm2c "$T/guest.m.wasm" -n guest -o "$T/guest.m.c"
    check "guest: meter --local-fuel" "$M" --local-fuel "$G" "$T/guest.l.wasm"
    check "guest: --local-fuel guest validates" wasm-validate "$T/guest.l.wasm"
    check "guest: meter --local-fuel --stack-check" "$M" --local-fuel --stack-check "$G" "$T/guest.s.wasm"
    check "guest: --stack-check guest validates" wasm-validate "$T/guest.s.wasm"
    opcount_check guest "$G" "$T/guest.m.wasm" ""
    "$M" "$G" "$T/guest.m2.wasm" >/dev/null 2>&1
    check "guest: output is deterministic" cmp "$T/guest.m.wasm" "$T/guest.m2.wasm"
    head -c "$(($(wc -c <"$G") / 3))" "$G" >"$T/guest.cut.wasm"
    expect_error "guest: truncated guest rejected" "offset 0x[0-9a-f]+: " "$T/guest.cut.wasm"
else
    echo "SKIP guest (no guest.wasm: make B=build-meter build-meter/guest/guest.wasm, or set GUEST_WASM)"
fi

finish
