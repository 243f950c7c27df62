# needs: cat
cat <<EOF
a\\b \$x \`c\` line\
cont
EOF
