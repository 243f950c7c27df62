seq 10 | head -2
