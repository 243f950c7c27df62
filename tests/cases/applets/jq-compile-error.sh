jq -n '{' 2>&1; echo "status $?"
