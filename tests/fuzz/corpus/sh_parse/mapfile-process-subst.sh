# needs: seq
mapfile -t nums < <(seq 3)
echo "${nums[@]}"
while read -r n; do echo "n=$n"; done < <(printf '7\n8\n')
