awk 'BEGIN{n=split("  a b   c ", arr); print n, arr[1], arr[3]}'
