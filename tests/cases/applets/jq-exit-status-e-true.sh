echo '1' | jq -e . ; echo "status $?"
