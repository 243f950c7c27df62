jq -n -c '[1, "2", [3]] | map(tostring), ("42" | tonumber)'
