echo '"héllo ☃"' | jq -a .
