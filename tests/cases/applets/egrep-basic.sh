printf 'ab\ncd\n' | grep -E 'a|c'
