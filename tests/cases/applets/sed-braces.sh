seq 6 | sed -n '2,4{p;p}'
