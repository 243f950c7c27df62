echo '{"a":{"b":1}}' | jq -c 'getpath(["a","b"]), setpath(["a","c"]; 2), delpaths([["a","b"]])'
