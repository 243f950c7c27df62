printf 'ab\ncd\n' | nl | rev
