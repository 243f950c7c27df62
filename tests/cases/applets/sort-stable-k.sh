printf 'a 2\nb 1\nc 2\n' | sort -k2,2n
