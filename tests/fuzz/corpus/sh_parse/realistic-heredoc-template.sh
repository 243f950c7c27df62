# needs: cat
name=World; items=3
cat <<EOF
# Report for $name
- items: $items
- total: $((items * 10))
- date: fixed
EOF
