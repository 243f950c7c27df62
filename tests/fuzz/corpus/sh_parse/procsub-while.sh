count=0
while read -r l; do count=$((count+1)); done < <(printf 'x\ny\nz\n')
echo "count=$count"
