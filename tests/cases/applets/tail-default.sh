seq 20 | tail
