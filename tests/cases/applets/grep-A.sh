seq 10 | grep -A1 5
