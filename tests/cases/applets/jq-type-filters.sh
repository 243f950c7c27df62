echo '[1,"a",null,true,[],{}]' | jq -c 'map(type), [.[] | scalars]'
