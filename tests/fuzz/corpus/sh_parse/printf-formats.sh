printf '%s|%d|%5s|%-5s|%05d\n' str 42 r l 7
printf '%x %X %o %e %.2f %g\n' 255 255 8 1234.5 3.14159 0.0001
printf '%c%c\n' abc def
printf '%%literal\n'
printf '%s\n' a b c
printf '%s=%s\n' k1 v1 k2 v2 k3
printf 'no newline'; echo
