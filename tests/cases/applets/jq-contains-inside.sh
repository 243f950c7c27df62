echo '{"a":[1,2,"xyz"]}' | jq -c 'contains({"a":["xy"]}), ({"a":[1]} | inside({"a":[1,2]}))'
