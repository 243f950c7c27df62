# needs: sort tr
declare -A h=([x]=1 [y]=2)
keys=$(printf '%s\n' "${!h[@]}" | sort | tr '\n' ' ')
vals=$(printf '%s\n' "${h[@]}" | sort | tr '\n' ' ')
echo "$keys| $vals"
