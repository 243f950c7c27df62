printf 'new\n' > a; printf 'old\n' > b; cp a b; cat b
