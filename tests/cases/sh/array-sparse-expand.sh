a=(); a[3]=c; a[1]=a
echo "${a[@]}" "${!a[@]}" "${#a[@]}"
for i in "${!a[@]}"; do echo "$i:${a[$i]}"; done
