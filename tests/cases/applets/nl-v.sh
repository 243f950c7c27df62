printf 'a\nb\n' | nl -v10
