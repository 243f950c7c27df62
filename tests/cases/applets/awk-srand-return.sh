awk 'BEGIN{srand(5); print srand(7)}'
