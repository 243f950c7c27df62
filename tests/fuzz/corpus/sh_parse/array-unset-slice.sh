a=(0 1 2 3 4 5)
unset 'a[2]'
echo "${a[@]}" "${#a[@]}" "${!a[@]}"
echo "${a[@]:1:2}"
unset a; echo "[${a[@]}]"
