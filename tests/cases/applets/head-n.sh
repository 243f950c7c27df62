seq 20 | head -n 3
