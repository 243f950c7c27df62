a=(one two "three four")
echo "${a[0]}" "${a[2]}" "${#a[@]}" "${a[-1]}"
a[5]=six
echo "${#a[@]}" "${!a[@]}"
echo "${a[@]}"
a+=(seven)
echo "${a[6]}" "${#a[@]}"
