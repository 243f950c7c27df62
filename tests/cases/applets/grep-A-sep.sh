seq 20 | grep -A1 -e 3 -e 9
