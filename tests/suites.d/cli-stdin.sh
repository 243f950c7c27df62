#!/bin/sh
# cli-stdin.sh BUILD_DIR — the script's stdin is wasmbox's own (wasmbox
# run|sh), except when the script itself is read from stdin; a read that
# waits for input ends at the time limit.
set -u
W=${1:?usage: cli-stdin.sh BUILD_DIR}/wasmbox
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cli-stdin.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); printf 'FAIL cli-stdin/%s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3"; fi
}
check sh-c-pipe "1 a,2 b" "$(printf 'b\na\nb\n' | "$W" sh -c 'sort | uniq -c' | awk '{printf "%s%s %s", (NR>1 ? "," : ""), $1, $2}')"
check sh-file-args "3 words" "$(printf 'x y z\n' > "$tmp/in"; printf 'n=$(wc -w)\necho "${n##* } $1"\n' > "$tmp/s.sh"; "$W" sh "$tmp/s.sh" words < "$tmp/in")"
check sh-read-loop "<one><two>" "$(printf 'one\ntwo\n' | "$W" sh -c 'while read -r l; do printf "<%s>" "$l"; done')"
check sh-script-from-stdin "0" "$(echo 'wc -c' | "$W" sh)"
check js-file "HELLO" "$(echo 'console.log(require("fs").readFileSync(0, "utf8").trim().toUpperCase())' > "$tmp/a.js"; echo hello | "$W" run "$tmp/a.js")"
check no-stdin-read-no-wait "quick" "$( (sleep 1; echo late) | "$W" sh -c 'echo quick')"
# A writer that stays silent: the read ends at the 300 ms time limit
# (status 3, the time-limit error) and nothing after it runs.
out=$( (sleep 1) | "$W" sh --time-limit 300 -c 'cat; echo after' 2> "$tmp/err"; echo "rc=$?")
check time-limit-while-waiting "rc=3" "$out"
check time-limit-message "1" "$(grep -c 'time limit 300 ms reached' "$tmp/err")"
# Recorded stdin replays from the journal, without the input.
echo 'from the journal' | "$W" sh --record "$tmp/j.jsonl" -c 'tr a-z A-Z' > /dev/null
check replay "FROM THE JOURNAL" "$("$W" replay "$tmp/j.jsonl" < /dev/null)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
