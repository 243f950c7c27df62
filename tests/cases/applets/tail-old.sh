seq 10 | tail -2
