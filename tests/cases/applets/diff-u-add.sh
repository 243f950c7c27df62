printf 'a\n' > x; printf 'a\nb\n' > y; diff -u x y | tail -n +3
