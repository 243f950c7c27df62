a=b+1; b=2
echo $((a*2))
declare -i n=7; n+=3; echo $n
n="n*2"; echo $n
