# needs: cat
echo a | | cat
