jq -n -c --argjson v '{"x":[1,2]}' '$v.x'
