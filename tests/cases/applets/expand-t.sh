printf 'a\tb\n' | expand -t 4
