echo "[\"it's\", 1, \"a b\"]" | jq -r '@sh'
