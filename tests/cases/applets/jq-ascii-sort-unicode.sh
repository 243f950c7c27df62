echo '["b","a","B","é"]' | jq -c 'sort'
