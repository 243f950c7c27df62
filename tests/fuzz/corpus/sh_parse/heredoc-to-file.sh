# needs: cat
# files
cat > conf.ini <<EOF
[main]
key=value
EOF
cat conf.ini
