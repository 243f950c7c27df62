printf 'x\n' > a; printf 'x\n' > b; grep -h x a b
