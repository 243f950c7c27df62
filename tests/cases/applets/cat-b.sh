printf 'a\n\nb\n' | cat -b
