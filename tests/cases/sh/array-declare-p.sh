a=(1 "two words"); declare -p a
declare -A m=([k]=v); declare -p m
x=5; declare -p x
declare -i n=3; declare -p n
declare -r ro=1; declare -p ro
