echo '[1,2,3,4,5]' | jq -c 'map(select(. % 2 == 1))'
