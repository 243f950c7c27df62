x=5 y=3
echo $((x+y)) $((x*y)) $(( x - y )) $(($x+$y))
((x++)); echo $x
((x+=10)); echo $x
((y--, y--)); echo $y
z=$((x>y ? x : y)); echo $z
