jq -n -c '[limit(3; range(10))], first(range(5;10)), ([range(5)] | last), nth(2; range(10))'
