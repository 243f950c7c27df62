echo '"a b&c<d>"' | jq -r '@uri, @html'
