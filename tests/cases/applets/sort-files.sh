printf 'z\n' > a; printf 'y\n' > b; sort a b
