echo '[1,[2,[3,[4]]]]' | jq -c 'flatten, flatten(1)'
