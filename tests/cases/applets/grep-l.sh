printf 'x\n' > a; printf 'y\n' > b; grep -l x a b
