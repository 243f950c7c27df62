#!/bin/sh
# readme-example.sh BUILD_DIR — the C API example in README.md must compile
# against the installed header and library (make install DESTDIR=...) and
# print what the README says it prints.  Protocol: PASS/FAIL lines and a
# final "N passed, N failed".
set -u
H=${1:?usage: tests/readme-example.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
H=$(cd "$top" && cd "$H" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if [ "$1" = 0 ]; then echo "PASS $2"; pass=$((pass + 1)); else echo "FAIL $2"; fail=$((fail + 1)); fi; }

make -C "$top" --no-print-directory -s install DESTDIR="$tmp/root" PREFIX=/usr H="$H" >"$tmp/install.log" 2>&1
check $? "readme/make-install"
awk '/^```c$/ { on = 1; next } /^```$/ { if (on) exit } on' "$top/README.md" > "$tmp/example.c"
[ -s "$tmp/example.c" ]
check $? "readme/example-extracted"
san=
case "$H" in */asan) san="-fsanitize=address,undefined" ;; esac
cc -std=c11 -Wall -Wextra -Werror $san -I"$tmp/root/usr/include" "$tmp/example.c" \
   -L"$tmp/root/usr/lib" -l:libwasmbox.a -lpthread -lm -o "$tmp/example" 2>"$tmp/cc.log"
rc=$?
[ $rc = 0 ] || cat "$tmp/cc.log"
check $rc "readme/example-compiles"
out=$("$tmp/example" 2>&1)
want='exit 0, stdout: , value: (none)
exit 0, stdout: adding
, value: 42'
[ "$out" = "$want" ]
rc=$?
[ $rc = 0 ] || printf 'want:\n%s\ngot:\n%s\n' "$want" "$out"
check $rc "readme/example-output"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
