printf 'a\tb\n' | cat -A
