printf 'a\nb\n' > x; printf 'b\n' > y; diff -u x y | tail -n +3
