# needs: comm paste cat wc sort cmp diff head grep
# files
# Applets open and stat /dev/fd/N of <(...) and /dev/stdin like any file.
printf 'b\na\nc\n' > one
printf 'c\nd\nb\n' > two
comm <(sort one) <(sort two)
comm -12 <(sort one) <(sort two)
paste <(sort one) <(sort -r two)
cat <(echo first) - <(echo last) < one
wc -l < <(cat one two)
grep -f <(echo b) one two
cmp <(sort one) <(sort one) && echo same
diff <(sort one) <(sort one) > /dev/null && echo no difference
diff <(sort one) <(sort two) > /dev/null; echo "diff status $?"
head -n 1 /dev/stdin < two
cat /dev/fd/3 3< one
[ -e /dev/stdin ] && echo stdin exists
[ -r /dev/fd/0 ] && echo fd 0 readable
[ -e /dev/fd/9 ] || echo no fd 9
[ -e /dev/null ] && echo null exists
sort -m <(sort one) <(sort two) | head -n 3
