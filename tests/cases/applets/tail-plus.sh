seq 10 | tail -n +8
