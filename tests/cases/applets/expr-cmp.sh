expr 3 \< 5
