echo 'null' | jq -e . ; echo "status $?"
