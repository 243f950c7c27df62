printf '1\n' > f1; printf '2\n' > f2; cat -n f1 f2
