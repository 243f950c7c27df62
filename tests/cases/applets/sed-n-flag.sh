seq 3 | sed -n p
