echo '{"a":1,"b":2,"c":[1,2,3]}' | jq -c 'del(.a), del(.c[0,2])'
