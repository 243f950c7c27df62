echo '{"user":"x","titles":["a","b"]}' | jq -c '{user, title: .titles[]}'
