# sort -n of whole lines (the keyed fast path): ties ordered by the whole
# line, -r, -s keeping input order, -u keeping the first, negative numbers,
# leading blanks, lines that are not numbers
printf '%s\n' '10 b' '2 z' '10 a' '  3 q' '-4 x' 'word' '2 a' '-10 y' '0 zero' '   10 c' \
    'other' '3 q' '99999999999 big' '-0 m' > in
sort -n in
echo --
sort -rn in
echo --
sort -sn in
echo --
sort -rsn in
echo --
sort -nu in
