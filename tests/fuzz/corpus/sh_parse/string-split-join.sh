s="a,b,c"
IFS=, read -ra parts <<< "$s"
joined=$(IFS=';'; echo "${parts[*]}")
echo "$joined ${#parts[@]}"
old=$IFS; IFS=,; set -- $s; IFS=$old; echo "$2 $#"
