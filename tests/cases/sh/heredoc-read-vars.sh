read -r a b <<EOF
alpha beta
EOF
echo "$b $a"
