# needs: cat
cat <<'EOF'
no $expansion here `nor this`
EOF
cat <<"E2"
also $none
E2
