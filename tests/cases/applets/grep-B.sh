seq 10 | grep -B2 5
