IFS=
x="a b c"
for w in $x; do echo "<$w>"; done
unset IFS
for w in $x; do echo "[$w]"; done
