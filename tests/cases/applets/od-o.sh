printf 'a' | od
