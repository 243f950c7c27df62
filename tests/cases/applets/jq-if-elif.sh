jq -n -c '[range(4) | if . == 0 then "zero" elif . == 1 then "one" else "many" end]'
