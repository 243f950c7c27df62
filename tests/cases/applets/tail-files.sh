seq 3 > a; seq 4 6 > b; tail -n 1 a b
