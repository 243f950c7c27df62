printf 'x1\n' > a; printf 'x2\n' > b; grep x a b
