printf 'a\nb\n' | cat
