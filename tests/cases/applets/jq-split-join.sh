echo '"a,b,c"' | jq -c 'split(","), (split(",") | join("-"))'
