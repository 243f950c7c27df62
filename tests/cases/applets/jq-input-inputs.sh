printf '1\n2\n3\n' | jq -c '[., input]' 2>/dev/null; printf '1\n2\n3\n' | jq -n -c '[inputs]'
