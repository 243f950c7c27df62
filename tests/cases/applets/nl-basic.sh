printf 'a\nb\n' | nl
