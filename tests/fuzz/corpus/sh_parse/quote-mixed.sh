x='a b'
echo "$x"'$x'$x
printf '<%s>\n' "$x"x $x'y'
