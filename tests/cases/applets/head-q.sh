seq 3 > a; seq 4 6 > b; head -q -n 1 a b
