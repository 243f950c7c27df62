seq 30 | column
