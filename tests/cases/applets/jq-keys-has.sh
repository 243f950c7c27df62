echo '{"b":1,"a":2}' | jq -c 'keys, has("a"), has("z")'
