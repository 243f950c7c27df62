printf 'a\nb\n' | nl -s': '
