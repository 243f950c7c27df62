printf 'ab\n' | od -c
