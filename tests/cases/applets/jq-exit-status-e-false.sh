echo 'false' | jq -e . ; echo "status $?"
