printf 'data\n' > a; mkdir d; cp a d; cat d/a
