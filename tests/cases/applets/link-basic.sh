printf 'x\n' > a; link a b; cat b
