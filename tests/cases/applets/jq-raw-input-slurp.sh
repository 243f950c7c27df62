printf 'a\nb\n' | jq -Rs .
