printf 'a\n' > x; diff x nosuch; echo "rc=$?"
