echo '[1,"x"]' | jq -r '@json, @text'
