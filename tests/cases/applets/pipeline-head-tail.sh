seq 100 | head -20 | tail -5
