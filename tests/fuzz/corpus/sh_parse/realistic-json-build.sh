items=(a b c)
json="["
for i in "${!items[@]}"; do
  [ $i -gt 0 ] && json+=","
  json+="{\"id\":$i,\"name\":\"${items[$i]}\"}"
done
json+="]"
echo "$json"
