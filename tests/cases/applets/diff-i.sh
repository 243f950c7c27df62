printf 'A\n' > x; printf 'a\n' > y; diff -i x y; echo "rc=$?"
