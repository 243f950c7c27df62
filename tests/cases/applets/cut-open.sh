printf 'abcdef\n' | cut -c-3
