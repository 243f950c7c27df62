printf 'a' > x; printf 'a\n' > y; diff x y; echo "rc=$?"
