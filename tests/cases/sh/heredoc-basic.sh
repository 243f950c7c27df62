# needs: cat
x=val
cat <<EOF
plain $x
  indented
$(echo sub) and \$x escaped
EOF
