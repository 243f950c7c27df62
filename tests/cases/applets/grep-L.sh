printf 'x\n' > a; printf 'y\n' > b; grep -L x a b
