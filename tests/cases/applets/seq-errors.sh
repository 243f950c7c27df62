seq 1 0 5; echo "rc=$?"
seq x; echo "rc=$?"
seq; echo "rc=$?"
seq 1 2 3 4; echo "rc=$?"
seq -1; echo "rc=$?"
seq 10 -3 1 | paste -sd' '
seq -s '' 3
seq --separator=+ 3
