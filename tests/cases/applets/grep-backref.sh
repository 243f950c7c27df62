printf 'aa\nab\n' | grep '\(a\)\1'
