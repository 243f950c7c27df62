echo '"Hello"' | jq -c 'ascii_downcase, ascii_upcase, explode, (explode | implode)'
