seq 6 | paste - - | cut -f2
