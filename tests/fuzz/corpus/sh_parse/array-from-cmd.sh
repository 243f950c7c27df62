arr=($(echo "a b c"))
echo ${#arr[@]}
IFS=, read -ra parts <<< "x,y,,z"
echo "${#parts[@]}: ${parts[*]}"
IFS=: arr2=(a:b); echo ${#arr2[@]}
