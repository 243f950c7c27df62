printf '1.5\n-1.2\n-1.5\n1.25\n10\n-0\n0.5\nabc\n2e3\n' | sort -n; printf 'b 1.5\na -2.5\nc 1.25\n' | sort -k2,2n
