# needs: cat
f() { echo "$1"; }
f "$(echo a)" | cat
