printf 'a b c\nlonger x y\n' | column -t
