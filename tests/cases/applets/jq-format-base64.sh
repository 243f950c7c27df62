echo '"hello world"' | jq -r '@base64, (@base64 | @base64d)'
