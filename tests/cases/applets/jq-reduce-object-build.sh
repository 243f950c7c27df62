echo '[{"k":"a","v":1},{"k":"b","v":2}]' | jq -c 'reduce .[] as $e ({}; .[$e.k] = $e.v)'
