printf 'b\nA\na\nB\n' | sort -f
