expr -5 + 2
