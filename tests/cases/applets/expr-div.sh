expr 7 / 2
