awk 'BEGIN{n=split("a1b22c", arr, /[0-9]+/); print n, arr[1], arr[2], arr[3]}'
