seq 10 | sed -n '3,5p'
