seq -w 8 10
