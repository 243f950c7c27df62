printf 'a\n' > x; printf 'b\n' > y; diff -q x y; echo "rc=$?"
