# sort of whole lines (the keyed fast path): shared prefixes longer than
# 8 bytes, lines of exactly 8 bytes, duplicates, empty lines, bytes past
# ASCII; -r, -u
printf '%s\n' abcdefghij abcdefgh abcdefghi abcdefgh '' abcdefgz abc 'abcdefgh ' \
    zeta 'é' abcdefghij '' ab 'abcdefgh	x' > in
sort in
echo --
sort -r in
echo --
sort -u in
echo --
sort -ru in
