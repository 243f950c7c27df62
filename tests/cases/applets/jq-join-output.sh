echo '["a","b"]' | jq -j '.[]'; echo
