printf '10 9\n' | awk '{print ($1 < $2), ($1 > $2)}'
