printf 'a\n' | grep a -
