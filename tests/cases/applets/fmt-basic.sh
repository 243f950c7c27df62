printf 'a b c d e f g h\n' | fmt -w 7
