# needs: cat tr
cat <<EOF
sum: $((2 + 3))
upper: $(echo abc | tr a-z A-Z)
var: ${HOME:+set}
EOF
