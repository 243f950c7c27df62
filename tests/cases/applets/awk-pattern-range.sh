printf '1\n2\n3\n4\n5\n6\n' | awk '/2/,/4/'
