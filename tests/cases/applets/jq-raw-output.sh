echo '["a","b"]' | jq -r '.[]'
