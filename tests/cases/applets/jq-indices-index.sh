echo '"a,b, cd, efg"' | jq -c 'index(", "), rindex(", "), indices(", ")'
