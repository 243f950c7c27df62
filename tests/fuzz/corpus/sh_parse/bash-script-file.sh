# needs: cat
# files
cat > child.sh <<'EOF'
echo "child args: $*"
exit 4
EOF
bash child.sh one two; echo "status $?"
