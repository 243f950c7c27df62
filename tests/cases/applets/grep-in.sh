printf 'X\nx\n' | grep -in x
