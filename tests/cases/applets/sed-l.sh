printf 'a\tb\n' | sed -n l
