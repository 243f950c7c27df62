printf 'a\nb\na\n' | grep -c a
