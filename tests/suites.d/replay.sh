#!/bin/sh
# replay.sh BUILD_DIR — record and replay (docs/replay.md).
#
#  1. Every golden case (tests/cases/js/*.js, and tests/cases/sh/*.sh when
#     the build has the shell) runs recorded with its NAME.args, with the
#     real clock and randomness, then is replayed from its journal; stdout,
#     stderr and exit status must be byte for byte the same.
#  2. Random-, clock- and tool-heavy scripts (tests/replay/*.js; concurrent
#     exec calls whose answers and completion order change every run) run
#     twice live — their outputs must differ, or the test proves nothing —
#     and replay identically.
#  3. Tampered journals (a changed value, a deleted line, swapped lines,
#     other code, another policy, a cut-off end) are refused with a message
#     naming the line; --ignore-chain shows the replay catching the change
#     itself; --continue-live runs the rest live.
# Prints PASS/FAIL lines and ends with "N passed, N failed[, N skipped]".
set -u
unset CDPATH
H=${1:?usage: replay.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$H" && pwd)/wasmbox
tmp=$(mktemp -d "${TMPDIR:-/tmp}/replay.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0 skipped=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; failed=$((failed + 1)); }

# same LABEL A_PREFIX B_PREFIX: compares A.out/.err/.rc with B's.
same() {
    for k in out err rc; do
        if ! cmp -s "$2.$k" "$3.$k"; then
            fail "$1" "$k differs between the recorded run and its replay:" \
                "$(diff "$2.$k" "$3.$k" | head -n 8)"
            return 1
        fi
    done
    pass "$1"
}

# The presentation flags of NAME.args reach replay; the rest (limits,
# clock, seed) is in the journal.
replay_flags() {
    f=
    for a in $1; do
        case $a in -p|--print|--json) f="$f $a" ;; esac
    done
    echo "$f"
}

# record_replay LABEL DIR FILE ARGS...: runs FILE in DIR recorded, replays.
record_replay() {
    label=$1 dir=$2 file=$3
    shift 3
    j=$tmp/j.jsonl
    (cd "$dir" && timeout 60 "$bin" run --record "$j" "$@" "$file" < /dev/null > "$tmp/a.out" 2> "$tmp/a.err"
     echo $? > "$tmp/a.rc")
    # shellcheck disable=SC2046  # the flags are split on purpose
    (cd "$dir" && timeout 60 "$bin" replay $(replay_flags "$*") "$j" < /dev/null > "$tmp/b.out" 2> "$tmp/b.err"
     echo $? > "$tmp/b.rc")
    same "$label" "$tmp/a" "$tmp/b"
}

# ------------------------------------------------------------ 1. golden cases
for js in "$top"/tests/cases/js/*.js; do
    name=$(basename "$js" .js)
    base=${js%.js}
    if [ -f "$base.skip" ]; then
        skipped=$((skipped + 1))
        continue
    fi
    args=
    [ -f "$base.args" ] && args=$(cat "$base.args")
    set -f
    # shellcheck disable=SC2086
    record_replay "golden/js/$name" "$top/tests/cases/js" "$name.js" $args
    set +f
done

# Shell cases, when this build has the shell (`wasmbox sh FILE`, which must
# take --record as run does).
if [ -d "$top/tests/cases/sh" ]; then
    if "$bin" sh -c true > /dev/null 2>&1 < /dev/null; then
        for sh in "$top"/tests/cases/sh/*.sh; do
            [ -f "$sh" ] || continue
            name=$(basename "$sh" .sh)
            base=${sh%.sh}
            [ -f "$base.skip" ] && { skipped=$((skipped + 1)); continue; }
            args=
            [ -f "$base.args" ] && args=$(cat "$base.args")
            j=$tmp/j.jsonl
            set -f
            # shellcheck disable=SC2086
            (cd "$top/tests/cases/sh" && timeout 60 "$bin" sh --record "$j" $args "$name.sh" < /dev/null \
                > "$tmp/a.out" 2> "$tmp/a.err"; echo $? > "$tmp/a.rc")
            (cd "$top/tests/cases/sh" && timeout 60 "$bin" replay "$j" < /dev/null > "$tmp/b.out" 2> "$tmp/b.err"
             echo $? > "$tmp/b.rc")
            set +f
            same "golden/sh/$name" "$tmp/a" "$tmp/b"
        done
    else
        echo "SKIP golden/sh: this build has no shell (wasmbox sh)"
        skipped=$((skipped + 1))
    fi
fi

# ------------------------------------------------------------ 2. heavy scripts
sed "s|@TOP@|$top|g" "$top/tests/replay/policy.json.in" > "$tmp/policy.json"
for js in "$top"/tests/replay/*.js; do
    name=$(basename "$js" .js)
    set -- --policy "$tmp/policy.json" -p
    [ "$name" = mixed-timeout ] && set -- --time-limit 300
    # Two live runs must differ: else the script is not nondeterministic
    # and its replay proves nothing.
    (cd "$tmp" && "$bin" run "$@" "$js" > "$tmp/live1.out" 2>&1)
    (cd "$tmp" && "$bin" run "$@" "$js" > "$tmp/live2.out" 2>&1)
    if cmp -s "$tmp/live1.out" "$tmp/live2.out"; then
        fail "heavy/$name" "two live runs gave the same output: the script is not nondeterministic"
        continue
    fi
    record_replay "heavy/$name" "$tmp" "$js" "$@"
    cp "$tmp/j.jsonl" "$tmp/$name.jsonl"
done
# The tool journal holds concurrent batches with failures and denials.
tj=$tmp/tools-heavy.jsonl
if [ "$(grep -c '"kind":"tools"' "$tj")" -ge 6 ] && grep -q '"decision":"deny"' "$tj" &&
   grep -q '"name":"ToolError"' "$tj"; then
    pass "heavy/tools-heavy journal has batches, denials and failures"
else
    fail "heavy/tools-heavy journal has batches, denials and failures" "$(cut -c1-200 "$tj")"
fi
grep -q '"kind":"deadline"' "$tmp/mixed-timeout.jsonl" && pass "heavy/mixed-timeout records where the time stop fell" ||
    fail "heavy/mixed-timeout records where the time stop fell" "no deadline event"

# ------------------------------------------------------------ 3. tampering
# expect LABEL WANT_RC PATTERN JOURNAL [REPLAY OPTIONS]: replay must exit
# WANT_RC with PATTERN (grep -F) on stderr.
expect() {
    label=$1 want=$2 pat=$3 jr=$4
    shift 4
    (cd "$tmp" && "$bin" replay "$@" "$jr" > "$tmp/t.out" 2> "$tmp/t.err")
    rc=$?
    if [ -n "$pat" ]; then
        grep -qF -- "$pat" "$tmp/t.err"
    else
        [ ! -s "$tmp/t.err" ] # nothing on stderr
    fi
    found=$?
    if [ "$rc" = "$want" ] && [ $found = 0 ]; then
        pass "$label"
    else
        fail "$label" "want exit $want and \"$pat\" on stderr; got exit $rc:" "$(head -c 600 "$tmp/t.err")"
    fi
}

j=$tmp/tools-heavy.jsonl
n=$(wc -l < "$j")
expect "tamper/intact journal replays" 0 "" "$j"
# A changed tool result.
sed '0,/"nonce":[0-9]*/s//"nonce":424242/' "$j" > "$tmp/changed.jsonl"
line=$(grep -n '"nonce":424242' "$tmp/changed.jsonl" | head -n 1 | cut -d: -f1)
expect "tamper/changed value: chain" 5 "line $line: hash chain broken" changed.jsonl
expect "tamper/changed value: outcome" 5 "the run ended differently: stdout differs" changed.jsonl --ignore-chain
# A changed random value (the chain ignored): the output shows it.
r=$tmp/random-heavy.jsonl
awk '/"kind":"random"/ && !done { sub(/"bytes":"[^"]*"/, "\"bytes\":\"AAAAAAAAAAA=\""); done = 1 } { print }' "$r" > "$tmp/rnd.jsonl"
expect "tamper/changed random bytes" 5 "stdout differs" rnd.jsonl --ignore-chain
# A deleted line.
sed 5d "$j" > "$tmp/deleted.jsonl"
expect "tamper/deleted line: chain" 5 "line 5: hash chain broken" deleted.jsonl
expect "tamper/deleted line: event" 5 "replay diverged at event 4" deleted.jsonl --ignore-chain
# Two lines swapped.
awk 'NR == 4 { held = $0; next } NR == 5 { print; print held; next } { print }' "$j" > "$tmp/swapped.jsonl"
expect "tamper/swapped lines: chain" 5 "line 4: hash chain broken" swapped.jsonl
expect "tamper/swapped lines: event" 5 "the guest sent a different batch of tool calls" swapped.jsonl --ignore-chain
# The last line cut off.
head -n $((n - 1)) "$j" > "$tmp/cut.jsonl"
expect "tamper/cut-off end" 5 "the journal ends without this run's \"end\" line" cut.jsonl
# Other code.
sed '2s/round < 3/round < 2/' "$j" > "$tmp/code.jsonl"
expect "tamper/other code: chain" 5 "line 2: hash chain broken" code.jsonl
expect "tamper/other code: hash" 5 "the recorded code does not match its code_sha256" code.jsonl --ignore-chain
# An edited header.
sed '1s/"time_limit_ms":10000/"time_limit_ms":20000/' "$j" > "$tmp/header.jsonl"
expect "tamper/edited header" 5 "line 1: hash chain broken" header.jsonl
# Another policy than the recorded one.
printf '{"tools": {}}' > "$tmp/other-policy.json"
expect "tamper/other policy" 5 "the sandbox's policy is not the recorded one" "$j" --policy other-policy.json
# Not a journal at all.
echo '{"hello": 1}' > "$tmp/nj.jsonl"
expect "tamper/not a journal" 2 "not a journal line" nj.jsonl

# --continue-live: past the divergence the real providers answer.
expect "continue-live/reports and runs live" 5 "the rest ran live (--continue-live)" deleted.jsonl \
    --ignore-chain --continue-live -p
if grep -q '^order ' "$tmp/t.out" && grep -q '"calls":' "$tmp/t.out"; then
    pass "continue-live/the run completes"
else
    fail "continue-live/the run completes" "$(head -c 400 "$tmp/t.out")"
fi
expect "continue-live/an intact journal" 0 "" "$j" --continue-live

# Usage errors.
"$bin" replay > /dev/null 2> "$tmp/t.err"
rc=$?
[ $rc = 2 ] && grep -q "replay needs the journal" "$tmp/t.err" && pass "usage/no journal" ||
    fail "usage/no journal" "exit $rc: $(cat "$tmp/t.err")"
expect "usage/missing file" 2 "cannot open the journal" missing.jsonl

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
