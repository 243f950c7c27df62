read x <<'EOF'
first \
second
EOF
echo "$x"
read -r y <<'EOF'
keep \
EOF
echo "$y"
