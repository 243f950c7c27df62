printf 'ac\nabc\nabbc\n' | grep 'ab*c'
