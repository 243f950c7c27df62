seq 5 | sed 3Q
