printf 'a\nb\n' | nl -n ln
