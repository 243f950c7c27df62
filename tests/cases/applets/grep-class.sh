printf 'a1\nbb\n' | grep '[[:digit:]]'
