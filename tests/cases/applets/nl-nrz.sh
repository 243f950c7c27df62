printf 'a\nb\n' | nl -n rz
