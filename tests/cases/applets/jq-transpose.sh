echo '[[1,2],[3]]' | jq -c 'transpose'
