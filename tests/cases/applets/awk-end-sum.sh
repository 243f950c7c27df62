printf '1\n2\n3\n4\n' | awk '{s+=$1} END{print s, s/NR}'
