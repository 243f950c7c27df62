printf 'a\tb\n' | expand
