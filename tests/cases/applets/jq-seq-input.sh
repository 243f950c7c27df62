printf '1 [2] {"a":3}\n' | jq -c .
