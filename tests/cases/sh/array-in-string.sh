a=(1 2 3)
echo "items: ${a[@]} count=${#a[@]}"
s="${a[@]}"; echo "$s"
