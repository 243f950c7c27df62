# needs: cat
cat <<A; cat <<B
first
A
second
B
