echo '{"a":[1,{"b":2}]}' | jq -c '[.. | numbers]'
