a=(x)
a[0]+=y; a+=(z w)
echo "${a[@]}"
s=str; s+=ing; echo $s
declare -a e=(); echo "${#e[@]}"
