s=$(printf 'ab%.0s' {1..1000})
echo ${#s} ${s:1998} ${#s//a/}
