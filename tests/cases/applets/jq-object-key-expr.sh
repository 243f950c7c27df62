echo '{"k":"name","v":1}' | jq -c '{(.k): .v}'
