printf 'a\n\nb\n\n\nc\n}\n}\n' > x; printf 'a\n\nb\n\nc\n}\n' > y; diff x y; echo "rc=$?"; diff y x; diff -u x y | tail -n +3
