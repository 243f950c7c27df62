expr 0 \| 5
