seq 3 | sed -n '2{p;q}'
