# grep -c with a literal pattern (the whole-buffer fast path): names with
# several inputs, -h/-H, "-" for stdin, a last line without a newline,
# an empty file, -v, -F with regex characters, a regex (toybox's path)
printf 'ax\nb\nxx x\n\nlast x' > f1
printf 'no\nnone\n' > f2
: > empty
printf 'a.b\naxb\n[x]\n' > f3
grep -c x f1; echo rc=$?
grep -c x f1 f2 empty; echo rc=$?
grep -ch x f1 f2; echo rc=$?
grep -cH x f1; echo rc=$?
printf 'x\nxx\ny\n' | grep -c x f1 - f2; echo rc=$?
grep -vc x f1 f2 empty; echo rc=$?
grep -c -F . f3; echo rc=$?
grep -cF '[x]' f3; echo rc=$?
grep -c . f3; echo rc=$?
grep -c 'a.b' f3; echo rc=$?
grep -c zzz f1 f2; echo rc=$?
grep -c x f1 missing 2> /dev/null; echo rc=$?
