printf 'a\na\na\n' | grep -m2 a
