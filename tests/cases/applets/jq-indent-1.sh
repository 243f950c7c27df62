echo '{"a":[1]}' | jq --indent 1 .
