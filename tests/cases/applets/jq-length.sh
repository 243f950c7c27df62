echo '[[1,2],"abc",{"a":1},null,-5]' | jq -c 'map(length)'
