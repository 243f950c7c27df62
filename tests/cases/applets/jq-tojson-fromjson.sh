echo '{"a":[1,2]}' | jq -c 'tojson, (tojson | fromjson)'
