echo '"test 123 abc 456"' | jq -c '[match("[0-9]+"; "g") | .string]'
