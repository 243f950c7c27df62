jq -n -c '86400.5 | gmtime'
