printf 'data\n' > a; cp a b; cat b
