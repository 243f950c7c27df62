# needs: cat tr
cat <<EOF | tr a-z A-Z
shout this
EOF
while read -r l; do echo "[$l]"; done <<EOF
a b
 c 
EOF
