# needs: cat sort tr head
echo hello | cat
printf 'b\na\nc\n' | sort | head -2
echo abc | tr a-z A-Z
