echo '{"a":{"b":"c"}}' | jq .a.b
