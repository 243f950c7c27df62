printf 'a\nb\n' | nl -i5
