seq 4 > f; tac f
