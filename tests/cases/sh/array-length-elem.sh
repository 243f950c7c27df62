a=(hello w)
echo ${#a[0]} ${#a[1]} ${#a}
