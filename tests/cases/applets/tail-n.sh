seq 20 | tail -n 3
