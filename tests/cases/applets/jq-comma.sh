echo '{"a":1,"b":2}' | jq '.a, .b'
