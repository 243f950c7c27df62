echo '{"a":{"b":1},"c":[2]}' | jq -c '[paths], [leaf_paths]'
