# needs: head od
echo $'a\tb' $'line1\nline2' $'q\'s' $'\x41\101\u00e9' $'\e[0m' | od -c | head -3
printf '%s\n' $'bell\a' | od -c | head -2
