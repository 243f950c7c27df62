printf 'a.c\nabc\n' | grep 'a.c'
