seq 5 | sed '2d'
