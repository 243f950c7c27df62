printf 'a\nb\nc\n' | awk '{getline; print $0, NR}'
