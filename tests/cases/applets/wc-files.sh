printf 'a\n' > f1; printf 'b\nc\n' > f2; wc -l f1 f2
