printf 'b 1\na 2\nb 0\n' | sort -s -k1,1
