echo '[{"n":"b","v":2},{"n":"a","v":1},{"n":"b","v":3}]' | jq -c 'sort_by(.n), (group_by(.n) | map(length))'
