printf '%x %X %o\n' 255 255 8
