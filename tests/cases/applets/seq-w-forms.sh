seq -w -5 5 | paste -sd' '
seq -w 1 010 | paste -sd' '
seq -w 0.5 0.5 2 | paste -sd' '
seq -w 9 11 | paste -sd' '
seq -w 1.50 3 | paste -sd' '
seq -s, -w 1 10
seq -w 8 11 | paste -sd' '
