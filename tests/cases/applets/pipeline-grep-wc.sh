seq 100 | grep 5 | wc -l
