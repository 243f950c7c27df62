jq -n 'error("boom")' 2>&1; echo "status $?"
