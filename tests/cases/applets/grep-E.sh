printf 'ab\naab\nb\n' | grep -E 'a+b'
