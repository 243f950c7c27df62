seq -f %.2f 1 3 | paste -sd' '
seq -f x%gy 1 2 | paste -sd' '
seq -f 'node-%02g' 3 | paste -sd' '
seq -f %05.1f 1 2 | paste -sd' '
seq -f %e 1 2 | paste -sd' '
seq -f %d 1 2; echo "rc=$?"
seq -f %g%g 1; echo "rc=$?"
