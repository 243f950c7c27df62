seq 3 6
