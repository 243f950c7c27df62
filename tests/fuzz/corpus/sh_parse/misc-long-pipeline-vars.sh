# needs: sort tr
result=$(echo "3 1 2" | tr ' ' '\n' | sort -n | tr '\n' ' ')
echo "sorted: $result"
