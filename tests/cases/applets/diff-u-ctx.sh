seq 10 > x; seq 10 | sed 5d > y; diff -U1 x y | tail -n +3
