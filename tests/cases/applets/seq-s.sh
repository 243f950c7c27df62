seq -s, 4
