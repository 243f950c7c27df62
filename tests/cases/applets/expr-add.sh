expr 2 + 3
