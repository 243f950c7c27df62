#!/bin/sh
# applets.sh WASMBOX OUTDIR — the applet benchmarks of `make bench`
# (mk/bench.mk): each pipeline run by `WASMBOX sh -c` against the same
# pipeline run natively by /bin/sh with the GNU tools and jq, LC_ALL=C for
# both:
#   cat 10MB | grep -c x
#   sort 10MB | uniq -c | sort -rn | head
#   jq over a 5 MB document (group_by and sums, compact output)
# Target (issue 4): sandbox <= 2x native, on the median wall-clock time of
# REPS runs (default 5, at least 3) of each, whole processes both sides
# (so the sandbox's figure includes starting wasmbox and its sandbox).
#
# The inputs are generated here, deterministically (bench/applets/*.awk),
# into OUTDIR/applets/input/ (under build/, never committed) and reach the
# sandbox through a read-only host mount (`--mount DIR:/data:ro`).  A build
# whose `wasmbox sh` has no --mount generates the same bytes inside the
# sandbox instead (its awk runs the same program); the pipeline is then
# timed inside the sandbox (`date +%s%N` around it) and the median time of
# a whole `wasmbox sh -c true` process is added, and the table says so
# (no CPU ratio in that mode).  A build without
# `wasmbox sh` (or without the applets a row needs) prints the row as
# skipped.  Each row also says whether the sandbox printed what the
# native tools printed.
#
# Prints the table on stdout and writes OUTDIR/applets.txt, one
# "name value unit" per line as bench/report.c's raw.txt.
set -u
unset CDPATH
export LC_ALL=C

[ $# -eq 2 ] || { echo "usage: applets.sh WASMBOX OUTDIR" >&2; exit 2; }
wb=$1
out=$2
case $wb in */*) ;; *) wb=$(command -v -- "$wb") ;; esac
[ -x "$wb" ] || { echo "applets.sh: $1 is not an executable file" >&2; exit 2; }
here=$(cd "$(dirname -- "$0")" && pwd)
REPS=${REPS:-5}
[ "$REPS" -ge 3 ] 2>/dev/null || { echo "applets.sh: REPS must be a number >= 3 (medians), got '$REPS'" >&2; exit 2; }
data=$out/applets
mkdir -p "$data/input" || exit 2
data=$(cd "$data" && pwd)
TEXT_BYTES=10485760
JSON_BYTES=5242880
# Generous limits: these runs measure speed, not the defaults.
WBOPTS="--time-limit 600000 --memory 2G --max-output 16M"

for t in awk grep sort uniq head cat jq /usr/bin/time; do
    command -v "$t" > /dev/null || { echo "applets.sh: the native '$t' is missing (make bench installs jq and time)" >&2; exit 2; }
done

# ---------------------------------------------------------------- inputs
# Regenerated when missing or when a generator changed (the .src copy).
gen() { # gen NAME KIND BYTES: $data/NAME from bench/applets/gen-KIND.awk
    prog=$here/applets/gen-$2.awk
    if [ ! -s "$data/input/$1" ] || ! cmp -s "$prog" "$data/$1.src"; then
        echo "bench: generating $data/input/$1" >&2
        awk -v target="$3" -f "$prog" > "$data/$1.tmp" && mv "$data/$1.tmp" "$data/input/$1" &&
            cp "$prog" "$data/$1.src" || exit 2
    fi
}
gen text.txt text $TEXT_BYTES
gen data.json json $JSON_BYTES

# ---------------------------------------------------------------- timing
now_ns() { date +%s%N; }

# time_runs FILE CMD...: runs CMD REPS times (stdout to FILE.out), appends
# each wall-clock time in ms to FILE and each CPU time (user + system of
# the process and its children, /usr/bin/time) to FILE.cpu; status of the
# last run.
time_runs() {
    f=$1
    shift
    : > "$f"
    : > "$f.cpu"
    i=0
    while [ $i -lt "$REPS" ]; do
        t0=$(now_ns)
        /usr/bin/time -f '%U %S' -o "$f.rus" "$@" > "$f.out" 2> "$f.err" < /dev/null
        rc=$?
        t1=$(now_ns)
        inner=$(sed -n 's/^applets-bench-ns \([0-9]*\)$/\1/p' "$f.err")
        [ -n "$inner" ] && t1=$((t0 + inner))
        awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f\n", ns / 1e6 }' >> "$f"
        awk 'END { printf "%.1f\n", ($1 + $2) * 1000 }' "$f.rus" >> "$f.cpu"
        [ $rc -eq 0 ] || return $rc
        i=$((i + 1))
    done
    return 0
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---------------------------------------------------------------- how the sandbox gets the input
mode=none
why=""
if ! "$wb" sh -c 'exit 0' > "$data/probe" 2>&1 < /dev/null; then
    why="no 'wasmbox sh' in this build"
elif "$wb" sh $WBOPTS --mount "$data/input:/data:ro" -c 'test -s /data/text.txt' > "$data/probe" 2>&1 < /dev/null; then
    mode=mount
    WBOPTS="$WBOPTS --mount $data/input:/data:ro"
elif "$wb" sh -c 'command -v awk' > /dev/null 2>&1 < /dev/null; then
    mode=generate
else
    why="'wasmbox sh' has neither --mount nor awk to make the input"
fi
[ -n "$why" ] && echo "bench: applets: $why ($(head -n 1 "$data/probe"))" >&2

# The sandbox's script for one row: the input at /data (mount), or made in
# /tmp first and the pipeline timed in the sandbox (its stderr gets an
# "applets-bench-ns N" line, which time_runs reads).  $1: the pipeline, with
# @TEXT@/@JSON@ for the input file.
sandbox_script() {
    case $mode in
    mount) echo "$1" | sed -e 's|@TEXT@|/data/text.txt|g' -e 's|@JSON@|/data/data.json|g' ;;
    generate)
        case $1 in *@TEXT@*) k=text f=/tmp/text.txt n=$TEXT_BYTES ;; *) k=json f=/tmp/data.json n=$JSON_BYTES ;; esac
        printf "awk -v target=%s '%s' > %s || exit 99\n" "$n" "$(sed '/^#/d' "$here/applets/gen-$k.awk")" "$f"
        echo 't0=$(date +%s%N)'
        echo "$1" | sed -e 's|@TEXT@|/tmp/text.txt|g' -e 's|@JSON@|/tmp/data.json|g'
        echo 'rc=$?; t1=$(date +%s%N); echo "applets-bench-ns $((t1 - t0))" >&2; exit $rc' ;;
    esac
}

JQ_FILTER='group_by(.city) | map({city: .[0].city, n: length, total: (map(.score) | add), active: (map(select(.active)) | length)})'
# name#label#applets the row needs#pipeline
rows="grep#cat 10MB | grep -c x#cat grep#cat @TEXT@ | grep -c x
sort#sort 10MB | uniq -c | sort -rn | head#sort uniq head#sort @TEXT@ | uniq -c | sort -rn | head
jq#jq -c group_by(.city)... over 5 MB JSON#jq#jq -c '$JQ_FILTER' @JSON@"

: > "$out/applets.txt.tmp"
start_ms=""
if [ $mode = generate ]; then
    echo "bench: applets: no --mount: the input is made in the sandbox, the pipeline timed there" >&2
    if time_runs "$data/t.start" "$wb" sh $WBOPTS -c true; then
        start_ms=$(median "$data/t.start")
        echo "applets_sandbox_start $start_ms ms" >> "$out/applets.txt.tmp"
    else
        why="'wasmbox sh -c true' failed: $(head -n 1 "$data/t.start.err")"
        mode=none
    fi
fi

# row LABEL NATIVE SANDBOX RATIO MET CPU_RATIO NOTE
row() { printf '%-42s %9s %10s %6s %6s %4s %8s  %s\n' "$1" "$2" "$3" "$4" "<= 2x" "$5" "$6" "$7"; }
echo "applets: median wall-clock ms of $REPS runs, whole processes; cpu ratio = user+system time"
row command "native" "sandbox" ratio met "cpu ratio" "same output"
echo "$rows" | while IFS='#' read -r name label needs pipe; do
    native=$(echo "$pipe" | sed -e "s|@TEXT@|$data/input/text.txt|g" -e "s|@JSON@|$data/input/data.json|g")
    echo "bench: applets: $label" >&2
    if ! time_runs "$data/t.$name.native" sh -c "$native"; then
        row "$label" failed - - - - "native run failed: $(head -n 1 "$data/t.$name.native.err")"
        continue
    fi
    nat=$(median "$data/t.$name.native")
    nat_cpu=$(median "$data/t.$name.native.cpu")
    echo "applets_native_$name $nat ms" >> "$out/applets.txt.tmp"
    if [ $mode = none ]; then
        row "$label" "$nat" - - - - "skipped: $why"
        continue
    fi
    [ $mode = generate ] && needs="$needs awk date"
    miss=$("$wb" sh -c "for t in $needs; do command -v \$t > /dev/null || echo \$t; done" < /dev/null 2>&1 | tr '\n' ' ')
    if [ -n "$miss" ]; then
        row "$label" "$nat" - - - - "skipped: the sandbox has no $miss"
        continue
    fi
    if ! time_runs "$data/t.$name.wb" "$wb" sh $WBOPTS -c "$(sandbox_script "$pipe")"; then
        row "$label" "$nat" failed - no - "$(head -n 3 "$data/t.$name.wb.err" | tr '\n' ' ')"
        echo "applets_ratio_$name failed x" >> "$out/applets.txt.tmp"
        continue
    fi
    sb=$(median "$data/t.$name.wb")
    sb_cpu=$(median "$data/t.$name.wb.cpu")
    [ -n "$start_ms" ] && sb=$(awk -v a="$sb" -v b="$start_ms" 'BEGIN { printf "%.1f", a + b }') && sb_cpu=0
    ratio=$(awk -v a="$sb" -v b="$nat" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
    cpu_ratio=$(awk -v a="$sb_cpu" -v b="$nat_cpu" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "-" }')
    same=no
    grep -v '^applets-bench-ns ' "$data/t.$name.wb.err" > "$data/t.$name.wb.err2"
    cmp -s "$data/t.$name.native.out" "$data/t.$name.wb.out" && [ ! -s "$data/t.$name.wb.err2" ] && same=yes
    # a fast wrong answer meets nothing
    met=$(awk -v r="$ratio" -v s=$same 'BEGIN { print ((r <= 2.0 && s == "yes") ? "yes" : "no") }')
    [ -n "$start_ms" ] && same="$same (input made in the sandbox; timed there + $start_ms ms start)"
    row "$label" "$nat" "$sb" "$ratio" "$met" "$cpu_ratio" "$same"
    printf 'applets_sandbox_%s %s ms\napplets_ratio_%s %s x\napplets_cpu_ratio_%s %s x\n' \
        "$name" "$sb" "$name" "$ratio" "$name" "$cpu_ratio" >> "$out/applets.txt.tmp"
done
mv "$out/applets.txt.tmp" "$out/applets.txt"
