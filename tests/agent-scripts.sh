#!/bin/sh
# agent-scripts.sh WASMBOX_BINARY — run the public agent-scripts set
# (../shared/agent-scripts next to the repository) in the sandbox and compare
# with its recorded results (NN-name.expected = stdout, NN-name.expected_stderr
# if any, NN-name.status):
#   js/NN-name.js  through `WASMBOX run FILE`
#   sh/NN-name.sh  through `WASMBOX sh FILE`: a fresh sandbox per run, so the
#                  script's files land in the sandbox's own /workspace (its
#                  cwd), never on the host
#
# The set's own `record.sh --check` does the work, with JS_RUNNER/SH_RUNNER
# set to wrappers around WASMBOX: each script runs twice, under `env -i`, and
# both runs must agree.  If record.sh cannot run here (no bash, or a host
# tool it insists on is missing), the same comparison is done below, once
# per script.
#
# Skipped, never failed: the whole sh half when this build has no
# `wasmbox sh`; an sh script that names a command (of the set's allowed
# list, README.md) that the sandbox's shell cannot find (`command -v`), e.g.
# before the applets are merged.  The names are matched as words in the
# script, so a word in a here-doc can skip a script too (only ever while
# that command is missing).
#
# Output, as tests/golden.sh: "PASS js/NN-name", "FAIL sh/NN-name" with a
# diff, "SKIP sh/NN-name: why", then one line "N passed, N failed" (",
# N skipped" when some were).  When the set is absent this prints
# "0 passed, 0 failed, 36 skipped" and exits 0.  Exit 1 on failure.
# TIMEOUT (default 30) is the limit in seconds per run.
set -u
unset CDPATH  # cd must not print anything

[ $# -eq 1 ] || { echo "usage: agent-scripts.sh WASMBOX_BINARY" >&2; exit 2; }
bin=$1
case $bin in
*/*)
    d=$(cd "$(dirname -- "$bin")" 2>/dev/null && pwd) || { echo "agent-scripts.sh: no such directory for $bin" >&2; exit 2; }
    bin=$d/$(basename -- "$bin") ;;
*)
    p=$(command -v -- "$bin" 2>/dev/null) || { echo "agent-scripts.sh: $bin not found in PATH" >&2; exit 2; }
    bin=$p ;;
esac
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
    echo "agent-scripts.sh: $bin is not an executable file" >&2
    exit 2
fi

top=$(cd "$(dirname -- "$0")/.." && pwd)
set_dir=$(dirname -- "$0")/../../shared/agent-scripts
if [ ! -d "$set_dir/js" ] || [ ! -d "$set_dir/sh" ]; then
    echo "agent-scripts.sh: $set_dir not found, skipping" >&2
    echo "0 passed, 0 failed, 36 skipped"
    exit 0
fi
set_dir=$(cd "$set_dir" && pwd)
timeout_s=${TIMEOUT:-30}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/agent-scripts.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# The runners record.sh calls with the script path last.  record.sh splits
# a runner on blanks and runs it under `env -i` with a minimal PATH, so the
# binary's absolute path goes inside a wrapper, quoted for sh.  The
# sandbox's own time limit is raised to TIMEOUT: the host's timeout(1)
# judges, as for bash when the set was recorded.
q=$(printf '%s' "$bin" | sed "s/'/'\\\\''/g")
printf "#!/bin/sh\nexec '%s' run --time-limit %s \"\$@\"\n" "$q" "${timeout_s}000" > "$tmp/wasmbox-js"
printf "#!/bin/sh\nexec '%s' sh --time-limit %s \"\$@\"\n" "$q" "${timeout_s}000" > "$tmp/wasmbox-sh"
chmod +x "$tmp/wasmbox-js" "$tmp/wasmbox-sh"

passed=0 failed=0 skipped=0

# ---------------------------------------------------------------- which sh scripts can run
# The commands the set may use (README.md, "Rules the scripts follow").
tools="cat grep sed awk jq sort uniq cut tr head tail wc find xargs tee printf date seq
base64 sha256sum diff paste comm tac rev nl fold expr test basename dirname
mkdir rm cp mv touch ls echo"

sh_names=""
: > "$tmp/skips"
if ! "$bin" sh -c 'exit 0' < /dev/null > "$tmp/probe.out" 2>&1; then
    why="this build has no 'wasmbox sh' ($(head -n 1 "$tmp/probe.out"))"
    for f in "$set_dir"/sh/*.sh; do
        [ -f "$f" ] && echo "SKIP sh/$(basename -- "$f" .sh): $why" >> "$tmp/skips"
    done
else
    # One sandbox lists the commands its shell cannot find.
    probe="for t in $(echo $tools); do command -v \"\$t\" > /dev/null 2>&1 || echo \"\$t\"; done"
    "$bin" sh -c "$probe" < /dev/null > "$tmp/missing" 2> "$tmp/probe.err" ||
        { echo "agent-scripts.sh: the command probe failed:" >&2; cat "$tmp/probe.err" >&2; }
    for f in "$set_dir"/sh/*.sh; do
        [ -f "$f" ] || continue
        lacks=""
        for t in $(cat "$tmp/missing"); do
            # t as a word: not part of a longer name, option or path
            if grep -Eq "(^|[^A-Za-z0-9_./-])$t([^A-Za-z0-9_.-]|\$)" "$f"; then
                lacks="$lacks $t"
            fi
        done
        known=$(sed -n "s|^sh/$(basename -- "$f" .sh) ||p" "$top/tests/agent-scripts.known" 2>/dev/null | head -n 1)
        if [ -n "$lacks" ]; then
            echo "SKIP sh/$(basename -- "$f" .sh): the sandbox has no$lacks" >> "$tmp/skips"
        elif [ -n "$known" ]; then
            echo "SKIP sh/$(basename -- "$f" .sh): known: $known" >> "$tmp/skips"
        else
            sh_names="$sh_names sh/$(basename -- "$f")"
        fi
    done
fi
skipped=$(grep -c '^SKIP' "$tmp/skips")

# ---------------------------------------------------------------- record.sh --check
# check_with_record NAME...: runs record.sh on NAMEs, prints its PASS/FAIL
# lines with golden.sh's labels, adds its counts.  Status 1 when record.sh
# itself could not run (then nothing was printed or counted).
check_with_record() {
    [ -f "$set_dir/record.sh" ] && command -v bash > /dev/null 2>&1 || return 1
    rc=0
    JS_RUNNER=$tmp/wasmbox-js SH_RUNNER=$tmp/wasmbox-sh TIMEOUT=$timeout_s \
        bash "$set_dir/record.sh" --check "$@" > "$tmp/log" 2>&1 || rc=$?
    last=$(tail -n 1 "$tmp/log")
    if ! echo "$last" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
        echo "agent-scripts.sh: record.sh could not run (status $rc), comparing here instead:" >&2
        sed 's/^/  /' "$tmp/log" >&2
        return 1
    fi
    # Labels as golden.sh's (js/NN-name); a run that differs from its twin
    # is a failure too.
    sed -e '$d' \
        -e 's/^\(PASS\|FAIL\) \([a-z]*\/[^ :]*\)\.\(js\|sh\)/\1 \2/' \
        -e 's/^NONDETERMINISTIC \([a-z]*\/[^ ]*\)\.\(js\|sh\)$/FAIL \1 (two runs differ)/' "$tmp/log"
    passed=$((passed + ${last%% passed*}))
    f=${last#*passed, }
    failed=$((failed + ${f%% failed*}))
    return 0
}

# ---------------------------------------------------------------- fallback
# check_here FILE...: one run per script in an empty directory, compared here.
check_here() {
    : > "$tmp/empty"
    for f in "$@"; do
        case $f in
        *.js) runner=$tmp/wasmbox-js; base=${f%.js}; label=js/$(basename -- "$f" .js) ;;
        *) runner=$tmp/wasmbox-sh; base=${f%.sh}; label=sh/$(basename -- "$f" .sh) ;;
        esac
        mkdir "$tmp/run"
        rc=0
        (cd "$tmp/run" && env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC HOME="$tmp/run" \
            timeout "$timeout_s" "$runner" "$f" < /dev/null > "$tmp/out" 2> "$tmp/err") || rc=$?
        rm -rf "$tmp/run"
        echo "$rc" > "$tmp/rc"
        exp_err=$tmp/empty
        [ -f "$base.expected_stderr" ] && exp_err=$base.expected_stderr
        if cmp -s "$base.expected" "$tmp/out" && cmp -s "$exp_err" "$tmp/err" &&
           cmp -s "$base.status" "$tmp/rc"; then
            echo "PASS $label"
            passed=$((passed + 1))
        else
            echo "FAIL $label"
            for w in out err; do
                e=$base.expected
                [ $w = err ] && e=$exp_err
                cmp -s "$e" "$tmp/$w" || {
                    echo "  --- std$w differs:"
                    diff -u -L "expected std$w" -L "actual std$w" "$e" "$tmp/$w" | head -n 40 | sed 's/^/  /'
                }
            done
            cmp -s "$base.status" "$tmp/rc" ||
                echo "  --- status: expected $(cat "$base.status" 2>/dev/null), got $rc"
            failed=$((failed + 1))
        fi
    done
}

# shellcheck disable=SC2086 # sh_names is a list of words without blanks
if ! check_with_record js/ $sh_names; then
    set --
    for f in "$set_dir"/js/*.js; do [ -f "$f" ] && set -- "$@" "$f"; done
    for n in $sh_names; do set -- "$@" "$set_dir/$n"; done
    check_here "$@"
fi
cat "$tmp/skips"

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
