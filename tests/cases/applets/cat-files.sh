printf 'one\n' > f1; printf 'two\n' > f2; cat f1 f2
