printf '1\n2\n' | awk '{print ($1 > 1 ? "big" : "small")}'
