printf '  b\na\n c\n' | sort -b
