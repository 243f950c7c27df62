printf 'a\0b' > x; printf 'a\0c' > y; diff x y; echo "rc=$?"; diff x x; echo "rc=$?"
