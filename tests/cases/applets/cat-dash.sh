printf 'x\n' | cat -
