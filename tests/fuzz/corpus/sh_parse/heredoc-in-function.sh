# needs: cat
f() {
  cat <<EOF
arg is $1
EOF
}
f hello
