echo '{"a":' | jq . 2>&1; echo "status $?"
