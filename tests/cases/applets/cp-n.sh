printf 'new\n' > a; printf 'old\n' > b; cp -n a b; cat b
