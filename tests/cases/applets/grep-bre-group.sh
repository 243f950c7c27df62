printf 'abab\nab\n' | grep '\(ab\)\{2\}'
