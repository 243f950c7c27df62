# needs: sort
nums=(5 3 10 1)
sorted=($(printf '%s\n' "${nums[@]}" | sort -n))
echo "${sorted[@]}"
echo "max=${sorted[-1]} min=${sorted[0]}"
