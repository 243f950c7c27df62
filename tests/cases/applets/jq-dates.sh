jq -n -c '1425599507 | todate, (todate | fromdate), ("2015-03-05T23:51:47Z" | strptime("%Y-%m-%dT%H:%M:%SZ") | mktime)'
