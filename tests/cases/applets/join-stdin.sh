printf '1 a\n2 b\n' > x; printf '2 B\n1 A\n' | sort | join x -
