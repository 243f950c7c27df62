printf '%s\n' 1 2 3
