echo '"abcdef"' | jq '.[2:4]'
