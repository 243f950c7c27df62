jq -n -c '[limit(0; 1, 2)]'
