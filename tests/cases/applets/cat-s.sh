printf 'a\n\n\nb\n' | cat -s
