printf 'a\nb\n\nc\n' | cat -n
