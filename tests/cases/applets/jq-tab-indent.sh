echo '{"a":[1]}' | jq --tab .
