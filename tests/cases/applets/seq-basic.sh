seq 5
