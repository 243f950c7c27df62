printf 'a\n' > x; printf 'a\n' > y; diff x y; echo "rc=$?"
