printf '5\n15\n25\n' | awk '$1 > 10'
