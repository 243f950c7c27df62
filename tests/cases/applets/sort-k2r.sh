printf 'a 1\nb 3\nc 2\n' | sort -k2 -r
