echo '[3,1,2,3,1]' | jq -c 'unique, min, max, (map({v:.}) | max_by(.v))'
