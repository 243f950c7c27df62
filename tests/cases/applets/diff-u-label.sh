printf 'a\n' > x; printf 'b\n' > y; diff -u --label old --label new x y; echo "rc=$?"
