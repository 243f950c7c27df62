# sort with keys (a stable merge sort calling toybox's comparison): -s keeps
# input order among equal keys, ties otherwise by the whole line, -f, -t
printf '%s\n' 'b 2 x' 'a 1 y' 'c 2 a' 'A 1 b' 'd 3 c' 'e 2 b' 'B 1 a' 'a 1 a' > in
sort -k2,2 in
echo --
sort -s -k2,2 in
echo --
sort -s -k2,2nr in
echo --
sort -f in
echo --
printf '%s\n' 'x:3:q' 'y:1:r' 'z:3:a' 'w:2:b' | sort -t: -k2,2 -s
