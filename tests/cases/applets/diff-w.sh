printf 'a b\n' > x; printf 'a  b\n' > y; diff -w x y; echo "rc=$?"
