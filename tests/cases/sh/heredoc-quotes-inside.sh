# needs: cat
n=3
cat <<EOF
"double" 'single' $n "$n" '$n'
EOF
