seq 5 | sed -n '$p'
