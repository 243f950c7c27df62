jq -n -c 'def inc(f): f + 1; def double: . * 2; [inc(3), (5 | double)]'
