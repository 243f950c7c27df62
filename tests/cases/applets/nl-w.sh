printf 'a\nb\n' | nl -w3
