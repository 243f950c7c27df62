printf '%d %d\n' "'a" "'Z"
printf '%o %x %X\n' 64 3054 3054
printf '%#x %#o\n' 255 8
