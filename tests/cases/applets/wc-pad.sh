printf 'a b\n' > f1; printf 'c\nd e f\n' > f2; wc f1; wc f1 f2; wc -l f1; wc -lw f1 f2; cat f1 | wc; cat f1 | wc -l; wc < f1; cat f2 | wc -c - f1
