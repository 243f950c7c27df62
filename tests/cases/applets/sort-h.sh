printf '1K\n2M\n3\n' | sort -h
