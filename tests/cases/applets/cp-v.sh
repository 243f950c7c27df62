printf 'x' > a; cp -v a b
