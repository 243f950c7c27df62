seq 5 -2 0
