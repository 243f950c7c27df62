seq 1 3 10
