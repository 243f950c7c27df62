let a=5 b=a*2
echo $a $b
let "c = b - 1"; echo $c
let 0; echo $?
