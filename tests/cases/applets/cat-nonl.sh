printf 'no newline' | cat
