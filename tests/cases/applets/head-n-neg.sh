seq 10 | head -n -7
