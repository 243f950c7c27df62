printf 'hard\n' > a; ln a b; cat b
