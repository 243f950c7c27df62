printf 'a\tb\001\n' | cat -v
