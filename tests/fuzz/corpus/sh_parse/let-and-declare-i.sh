declare -i x
x=3*4; echo $x
x+=1; echo $x
let "y=x/2"; echo $y
