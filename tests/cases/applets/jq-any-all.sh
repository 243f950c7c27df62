echo '[1,2,3]' | jq -c 'any(. > 2), all(. > 0), (map(. > 5) | any)'
