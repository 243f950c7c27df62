jq -n -c 'null | getpath(["a","b"])'
