printf 'a,b,c,d\n' | cut -d, -f2-
