seq 10 | grep -C1 5
