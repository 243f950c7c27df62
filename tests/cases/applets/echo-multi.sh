echo a b   c
