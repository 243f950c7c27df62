printf 'a\nb' > x; printf 'a\nc' > y; diff x y; echo "rc=$?"; diff -u x y | tail -n +3; printf 'a\nb\n' > z; diff x z
