a=1 b=2; echo $a $b
c="x y"; echo "$c"
d=$a$b; echo $d
e= ; echo "[$e]"
f=a=b; echo $f
