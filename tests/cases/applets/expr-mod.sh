expr 7 % 3
