echo '{"a":[{"b":1}]}' | jq -c 'path(.a[0].b), [paths(type == "number")]'
