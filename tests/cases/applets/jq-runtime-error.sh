echo '{"a":"x"}' | jq '.a + 1' 2>&1; echo "status $?"
