jq -n -r '0 | strftime("%Y-%m-%d %H:%M:%S %A %j")'
