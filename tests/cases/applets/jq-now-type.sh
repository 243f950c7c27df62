jq -n 'now | type, (. > 1600000000)'
