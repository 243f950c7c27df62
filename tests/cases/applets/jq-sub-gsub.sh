echo '"aaa bbb"' | jq -c 'sub("a"; "x"), gsub("b"; "y"), gsub("(?<l>[ab])"; "<\(.l)>")'
