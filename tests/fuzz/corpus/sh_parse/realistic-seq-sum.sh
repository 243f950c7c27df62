# needs: seq
total=0
for n in $(seq 1 10); do total=$((total + n)); done
echo "total=$total"
echo "avg=$((total / 10))"
