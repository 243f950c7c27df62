seq 5 | sed '2!d'
