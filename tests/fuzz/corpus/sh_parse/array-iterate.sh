files=("a b.txt" c.txt)
for f in "${files[@]}"; do echo "<$f>"; done
for f in ${files[@]}; do echo "[$f]"; done
for i in "${!files[@]}"; do echo "$i=${files[i]}"; done
