echo '[1,[2,{"a":3}]]' | jq -c 'walk(if type == "number" then . + 1 else . end)'
