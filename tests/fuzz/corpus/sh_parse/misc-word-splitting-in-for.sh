list="a b
c	d"
for w in $list; do echo "[$w]"; done
