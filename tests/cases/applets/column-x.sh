seq 30 | column -x
