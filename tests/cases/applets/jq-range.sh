jq -n -c '[range(5)], [range(2;10;3)]'
