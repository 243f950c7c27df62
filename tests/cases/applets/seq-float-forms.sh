seq 1 0.1 1.3 | paste -sd' '
seq 0 0.1 0.3 | paste -sd' '
seq .5 1.5 | paste -sd' '
seq 2 -0.5 0 | paste -sd' '
seq 0 0.01 0.1 | paste -sd' '
seq 1 .5 2 | paste -sd' '
seq 1e2 1e2
