echo '["foo","bar","FOO"]' | jq -c 'map(test("foo")), map(test("foo"; "i"))'
