printf 'abcdef\n' | cut -b1,3
