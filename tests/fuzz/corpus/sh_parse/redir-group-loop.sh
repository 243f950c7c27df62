# needs: wc
# files
for i in 1 2 3; do echo "line $i"; done > loop.txt
while read l; do echo "got: $l"; done < loop.txt
{ echo a; echo b; } | wc -l
