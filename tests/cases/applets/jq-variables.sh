echo '{"a":1,"b":[2]}' | jq -c '.a as $x | .b | map(. + $x)'
