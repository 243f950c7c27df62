printf 'abcdef\n' | cut -c2-4
