printf '%*d|\n' 6 42
