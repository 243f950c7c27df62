printf 'a*b\nab\n' | grep -F 'a*b'
