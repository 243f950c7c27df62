echo '{"a":null}' | jq -c '.a // "default", .b // 5'
