jq -n -c '"\u0000\u001f\u007f\u2028" | tojson'
