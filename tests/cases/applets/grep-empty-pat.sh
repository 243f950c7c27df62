printf 'a\nb\n' | grep ''
