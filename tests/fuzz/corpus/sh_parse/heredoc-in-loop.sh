# needs: cat
for n in 1 2; do
  cat <<EOF
item $n
EOF
done
