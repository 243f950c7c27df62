echo '{"a":1,"b":2}' | jq -c 'to_entries, (to_entries | from_entries), with_entries(.value += 1)'
