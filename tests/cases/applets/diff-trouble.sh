printf 'a\n' > x; diff x nosuch; echo "rc=$?"; diff nosuch x; echo "rc=$?"; diff -N x nosuch; echo "rc=$?"
