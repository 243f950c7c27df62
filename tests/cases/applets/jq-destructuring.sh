echo '{"a":1,"b":[2,3]}' | jq -c '. as {a: $x, b: [$y, $z]} | [$x, $y, $z]'
