expr 3 \& 0
