printf '%d\n' 0x10 010 "'A" -5
printf '%d\n' abc
echo "status $?"
printf '%.3s|\n' abcdef
printf '%*d|\n' 5 42
