echo '{"a":true}' | jq -M -c .
